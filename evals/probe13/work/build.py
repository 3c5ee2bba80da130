"""Build evals/probe13/qa.jsonl from the records below (titles filled in from the parser).
qid prefix q-g (no existing evals/*/qa.jsonl, and no file under evals/, uses q-g)."""
import os, json, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
OUT = '/work/main/evals/probe13/qa.jsonl'

R = []
def add(qid, typ, q, a, ev=(), kf=(), cited=None, also=None, distr=None):
    r = {'qid': qid, 'question': q, 'answer': a}
    if cited is None:
        cited = []
        for pid, _ in ev:
            if pid not in cited: cited.append(pid)
    r['cited_paper_ids'] = cited
    r['cited_titles'] = [P[i]['title'] for i in cited]
    r['type'] = typ
    r['evidence'] = [{'paper_id': p, 'quote': qt} for p, qt in ev]
    r['key_facts'] = list(kf)
    if also is not None:
        r['also_acceptable_ids'] = also
        r['also_acceptable_titles'] = [P[i]['title'] for i in also]
    if distr is not None:
        r['distractor_ids'] = distr
        r['distractor_titles'] = [P[i]['title'] for i in distr]
    R.append(r)

# ---------------- single-fact (order positions 1, 2, 3, 4, 5, 6, 7, 9) ----------------
G = 'p-907987aa21'  # pos 1, Twin-Merging
add('q-g01', 'single-fact',
    "In Twin-Merging, what happens if you fold each model's exclusive, task-specific knowledge straight into the merged model, and what is done to that knowledge to cut redundancy?",
    "The authors show that both shared and exclusive task-specific knowledge are crucial for merging performance, but directly merging exclusive knowledge hinders overall performance. Twin-Merging therefore first modularizes knowledge into shared and exclusive components, with compression to reduce redundancy and enhance efficiency, and then merges shared and task-specific knowledge dynamically based on the input.",
    [(G, "We show that both shared and exclusive task-specific knowledge are crucial for merging performance, but directly merging exclusive knowledge hinders overall performance"),
     (G, "(1) modularizing knowledge into shared and exclusive components, with compression to reduce redundancy and enhance efficiency")],
    ["directly merging exclusive knowledge hinders overall performance", "compression to reduce redundancy"])

G = 'p-4b480d0e5a'  # pos 2, Si-Blurry / MVP
add('q-g02', 'single-fact',
    "For the MVP method in the stochastic blurry-boundary continual learning setup, what do its logit masking and contrastive prompt loss help the model do, and what are the focal loss and the feature scaling meant to stop?",
    "The instance-wise logit masking and the contrastive visual prompt tuning loss (aimed at inter- and intra-task forgetting) both help the model discern the classes to be learned in the current batch, which results in consolidating the previous knowledge. The gradient similarity-based focal loss and adaptive feature scaling target the class imbalance problem: they ease overfitting to the major classes and underfitting to the minor classes.",
    [(G, "Both of them help our model discern the classes to be learned in the current batch"),
     (G, "It results in consolidating the previous knowledge"),
     (G, "we introduce a new gradient similarity-based focal loss and adaptive feature scaling to ease overfitting to the major classes and underfitting to the minor classes")],
    ["discern the classes to be learned in the current batch", "consolidating the previous knowledge", "overfitting to the major classes and underfitting to the minor classes"])

G = 'p-b464582e92'  # pos 3, CodeDPO
add('q-g03', 'single-fact',
    "According to CodeDPO, where does ordinary supervised fine-tuning fall short for code models, and what assumption lets the method trust the code and tests it generates and checks by itself?",
    "Supervised fine-tuning does not effectively teach models to prioritize correct over incorrect solutions in ambiguous situations, and it does not effectively optimize the runtime efficiency of the generated code. CodeDPO's self-generation-and-validation rests on the assumption that test cases executable by multiple code snippets provide more reliable validation, and that code that passes more tests is more likely to be correct; a PageRank-inspired algorithm then iteratively updates each snippet's ranking score.",
    [(G, "they do not effectively teach models to prioritize correct over incorrect solutions in ambiguous situations, nor do they effectively optimize the runtime efficiency of the generated code"),
     (G, "The underlying assumption is that test cases executable by multiple code snippets provide more reliable validation, and code that passes more tests is more likely to be correct")],
    ["prioritize correct over incorrect solutions in ambiguous situations", "runtime efficiency", "executable by multiple code snippets", "code that passes more tests is more likely to be correct"])

G = 'p-1e818b6887'  # pos 4, MMOA-RAG
add('q-g04', 'single-fact',
    "Has anyone here studied why training each piece of a RAG pipeline on its own is a problem? What does the multi-agent RL paper say goes wrong, and what was missing from earlier RL attempts on RAG?",
    "MMOA-RAG notes that RAG components such as query rewriting, document retrieval, document filtering and answer generation are typically optimized separately through supervised fine-tuning, which can lead to misalignments between the objectives of individual modules and the overarching aim of generating accurate answers. Earlier RL efforts often focused on overly simplistic pipelines with only two components, or did not adequately address the complex interdependencies and collaborative interactions among the modules.",
    [(G, "these components are typically optimized separately through supervised fine-tuning, which can lead to misalignments between the objectives of individual modules and the overarching aim of generating accurate answers in question-answering (QA) tasks"),
     (G, "these approaches often focus on overly simplistic pipelines with only two components or do not adequately address the complex interdependencies and collaborative interactions among the modules")],
    ["misalignments between the objectives of individual modules", "overly simplistic pipelines with only two components", "complex interdependencies"])

G = 'p-a6e349b5b5'  # pos 5, DADAO
add('q-g05', 'single-fact',
    "DADAO: which of the usual add-on tricks of decentralized optimizers does it do without, and how does it decide how often each link of the network should gossip?",
    "DADAO employs primal gradients and does not use a multi-consensus inner loop nor other ad-hoc mechanisms such as Error Feedback, Gradient Tracking, or a Proximal operator. For the communication rates it proposes an SDP relaxation that finds the optimal gossip rate of each edge, minimizing the total number of communications for a given graph, which converges faster than standard uniform communication weights.",
    [(G, "Our new method employs primal gradients and does not use a multi-consensus inner loop nor other ad-hoc mechanisms such as Error Feedback, Gradient Tracking, or a Proximal operator"),
     (G, "We also propose a SDP relaxation to find the optimal gossip rate of each edge minimizing the total number of communications for a given graph, resulting in faster convergence compared to standard approaches relying on uniform communication weights")],
    ["multi-consensus inner loop", "Error Feedback, Gradient Tracking, or a Proximal operator", "SDP relaxation"])

G = 'p-8fa4e44621'  # pos 6, ESMA
add('q-g06', 'single-fact',
    "Why is brute-force formula hunting for constants like e held back, per the ESMA paper, and what extra tools do its authors provide to pin down which constants their algorithm is able to reach?",
    "Exhaustive search (as in the Ramanujan Machine project) remains limited by the space of options that can be covered and by the need for vast amounts of computational resources. Along with ESMA, the authors present mathematical tools for manipulating continued fractions; these connections let them characterize what space of constants can be found by ESMA and quantify its algorithmic advantage in certain scenarios.",
    [(G, "exhaustive search remains limited by the space of options that can be covered and by the need for vast amounts of computational resources"),
     (G, "Along with the algorithm, we present mathematical tools for manipulating continued fractions"),
     (G, "These connections enable us to characterize what space of constants can be found by ESMA and quantify its algorithmic advantage in certain scenarios")],
    ["space of options that can be covered", "vast amounts of computational resources", "mathematical tools for manipulating continued fractions", "what space of constants can be found"])

G = 'p-078104e2e4'  # pos 7, Natural Instructions
add('q-g07', 'single-fact',
    "Where do the task instructions in NATURAL INSTRUCTIONS come from and how were they made uniform, and how near are the instruction-using models to the best achievable score?",
    "The instructions are obtained from the crowdsourcing instructions used to create existing NLP datasets, and they are mapped to a unified schema. Models that use instructions generalize better to unseen tasks, but they are far behind an estimated performance upperbound, which leaves significant room for more progress.",
    [(G, "The instructions are obtained from crowdsourcing instructions used to create existing NLP datasets and mapped to a unified schema"),
     (G, "These models, however, are far behind an estimated performance upperbound indicating significant room for more progress in this direction")],
    ["mapped to a unified schema", "far behind an estimated performance upperbound"])

G = 'p-5db73b12ab'  # pos 9, video generation with human feedback
add('q-g08', 'single-fact',
    "What flaws of rectified-flow video generators does the VideoReward / Flow-DPO pipeline go after, and what single objective are its alignment algorithms derived from? How did the reward model and Flow-DPO fare?",
    "Despite advances through rectified flow, video generation still shows unsmooth motion and misalignment between videos and prompts. The alignment algorithms (Flow-DPO, Flow-RWR and Flow-NRG) are introduced from a unified reinforcement learning perspective aimed at maximizing reward with KL regularization, by extending algorithms from diffusion models to flow-based models. In experiments VideoReward significantly outperforms existing reward models, and Flow-DPO beats both Flow-RWR and standard supervised fine-tuning.",
    [(G, "Video generation has achieved significant advances through rectified flow techniques, but issues like unsmooth motion and misalignment between videos and prompts persist"),
     (G, "From a unified reinforcement learning perspective aimed at maximizing reward with KL regularization, we introduce three alignment algorithms for flow-based models by extending those from diffusion models"),
     (G, "Experimental results indicate that VideoReward significantly outperforms existing reward models, and Flow-DPO demonstrates superior performance compared to both Flow-RWR and standard supervised fine-tuning methods")],
    ["unsmooth motion", "misalignment between videos and prompts", "maximizing reward with KL regularization", "significantly outperforms existing reward models"])

# ---------------- numeric (order positions 54, 86, 90, 91, 107, 109) ----------------
G = 'p-b0e2206ad6'  # pos 54, How Far Can Camels Go / Tulu
add('q-g09', 'numeric',
    "What sizes, smallest to largest, were the instruction-tuned models released in the Tulu work on open instruction data?",
    "The instruction-tuned models range from 6.7B to 65B parameters in size (trained on 12 instruction datasets); the release includes a fully finetuned 65B Tulu.",
    [(G, "We provide a large set of instruction-tuned models from 6.7B to 65B parameters in size, trained on 12 instruction datasets")],
    ["6.7B", "65B"])


G = 'p-a37b32e76d'  # pos 86, AI4SE benchmark review (BenchScout)
add('q-g10', 'numeric',
    "What's the reported user-study rating of BenchScout, the search tool for AI4SE benchmarks, on usability, effectiveness and intuitiveness?",
    "Average scores of 4.5 (usability), 4.0 (effectiveness) and 4.1 (intuitiveness) out of 5, from a user study with 22 participants.",
    [(G, "We conducted a user study with 22 participants to evaluate BenchScout's usability, effectiveness, and intuitiveness which resulted in average scores of 4.5, 4.0, and 4.1 out of 5")],
    ["4.5", "4.0", "4.1"])

G = 'p-4cc280a809'  # pos 90, UCoFiA
add('q-g11', 'numeric',
    "By how much did UCoFiA improve text-to-video R@1 over earlier CLIP-based methods on MSR-VTT, ActivityNet and DiDeMo?",
    "By 2.4% on MSR-VTT, 1.4% on ActivityNet and 1.3% on DiDeMo (text-to-video retrieval R@1, against previous state-of-the-art CLIP-based methods).",
    [(G, "UCoFiA outperforms previous state-of-the-art CLIP-based methods on multiple video-text retrieval benchmarks, achieving 2.4%, 1.4% and 1.3% improvements in text-to-video retrieval R@1 on MSR-VTT, Activity-Net, and DiDeMo, respectively")],
    ["2.4%", "1.4%", "1.3%"])


G = 'p-6a9e8a2cdb'  # pos 91, iterative self-training of rerankers
add('q-g12', 'numeric',
    "In the PPO-trained reranker work for code generation, how many parameters does their model have, how large is the model it beats on MultiPL-E, and how much faster is it?",
    "Their 13.4B parameter model outperforms a 33B model in code generation quality on MultiPL-E while being three times faster; it is also comparable to GPT-4 and surpasses it in one programming language.",
    [(G, "Our evaluation on the MultiPL-E dataset demonstrates that our 13.4B parameter model outperforms a 33B model in code generation quality while being three times faster")],
    ["13.4B", "33B", "three times faster"])


G = 'p-40223ceb5f'  # pos 107, FunCoder
add('q-g13', 'numeric',
    "How much does FunCoder lift the small StableCode-3b model on HumanEval, relative to GPT-3.5 and to GPT-4?",
    "With FunCoder, StableCode-3b surpasses GPT-3.5 by +18.6% and achieves 97.7% of GPT-4's performance on HumanEval.",
    [(G, "With FunCoder, StableCode-3b surpasses GPT-3.5 by +18.6% and achieves 97.7% of GPT-4's performance on HumanEval")],
    ["+18.6%", "97.7%"])


G = 'p-aa491e0d1d'  # pos 109, Predictable Scale / Step Law
add('q-g14', 'numeric',
    "How far from the globally best LLM performance are the estimates of the plug-and-play hyperparameter tool from the optimal-hyperparameter scaling-law study, and how many tokens did the whole study consume?",
    "Its estimated values on the test set are merely 0.07% away from the globally optimal LLM performance found via an exhaustive search. The study consumed approximately 100 trillion tokens in total (nearly one million H800 GPU hours, 3,700 LLMs trained from scratch).",
    [(G, "Its estimated values on the test set are merely 0.07\\% away from the globally optimal LLM performance found via an exhaustive search"),
     (G, "consuming approximately 100 trillion tokens in total")],
    ["0.07", "100 trillion tokens"])


# ---------------- comparison (sides from order positions 10, 12, 16, 17) ----------------
A, B = 'p-9262c5d126', 'p-4cc280a809'  # GeAR vs UCoFiA
add('q-g15', 'comparison',
    "How does GeAR differ from UCoFiA in the way each one captures fine-grained matches between a query and the thing being retrieved?",
    "GeAR (document retrieval) adds fusion and decoding modules: it generates the relevant text from the document based on the fused representation of the query and the document, so the model learns to focus on the fine-grained information; it reports competitive retrieval and localization performance, and its generated text gives insights into interpreting retrieval results. UCoFiA (video-text retrieval) instead captures cross-modal similarity at different granularity levels (from high-level scene to low-level object clues), uses an Interactive Similarity Aggregation module that weighs the importance of different visual features to alleviate the effect of irrelevant visual clues, and normalizes each level's similarities with the Sinkhorn-Knopp algorithm before summing them.",
    [(A, "This enables GeAR to generate the relevant text from documents based on the fused representation of the query and the document, thus learning to \"focus on\" the fine-grained information"),
     (A, "GeAR exhibits competitive retrieval and localization performance across diverse scenarios and datasets"),
     (B, "our model captures the cross-modal similarity information at different granularity levels"),
     (B, "To alleviate the effect of irrelevant visual clues, we also apply an Interactive Similarity Aggregation module (ISA) to consider the importance of different visual features while aggregating the cross-modal similarity to obtain a similarity score for each granularity")],
    ["fine-grained information", "localization", "different granularity levels", "irrelevant visual clues", "Interactive Similarity Aggregation"])

A, B = 'p-abb13811d3', 'p-ae97520e6e'  # LOOP vs refined regret
add('q-g16', 'comparison',
    "Compare LOOP and the refined-regret paper on adversarial linear MDPs: what setting does each assume, and which algorithmic tools are behind their regret results?",
    "LOOP targets infinite-horizon average-reward MDPs with general function approximation. It has both model-based and value-based incarnations and relies on a novel construction of confidence sets and a low-switching policy updating scheme tailored to the average-reward setting (its complexity measure is AGEC); the authors call it the first comprehensive framework for nearly all AMDPs. The refined-regret paper targets adversarial MDPs whose losses change arbitrarily over K episodes, with Q-functions linear in known features and access to a simulator; besides its two simulator-based algorithms, it extends the first one to simulator-free linear MDPs, reaching O(K^{8/9}) regret against the previous best O(K^{14/15}), using a better alternative to the Matrix Geometric Resampling procedure.",
    [(A, "we propose a novel algorithmic framework named Local-fitted Optimization with OPtimism (LOOP), which incorporates both model-based and value-based incarnations"),
     (A, "LOOP features a novel construction of confidence sets and a low-switching policy updating scheme, which are tailored to the average-reward and function approximation setting"),
     (B, "We consider learning in an adversarial Markov Decision Process (MDP) where the loss functions can change arbitrarily over K episodes and the state space can be arbitrarily large"),
     (B, "we also extend the first algorithm to simulator-free linear MDPs, which achieves mathcal O(K^{8/9}) regret and greatly improves over the best existing bound mathcal O(K^{14/15})"),
     (B, "This algorithm relies on a better alternative to the Matrix Geometric Resampling procedure by Neu & Olkhovskaya (2020)")],
    ["model-based and value-based", "confidence sets", "low-switching policy updating scheme", "simulator-free linear MDPs", "K^{8/9}", "Matrix Geometric Resampling"])

A, B = 'p-02316a73d6', 'p-0acf895ec2'  # AutoNumerics-Zero vs Lion discovery
add('q-g17', 'comparison',
    "AutoNumerics-Zero and the program search that discovered Lion: what does each do so that the programs found by search pay off in practice?",
    "AutoNumerics-Zero aims at limited precision: a simple evolutionary algorithm searches programs from scratch, without knowledge of mathematics. Over real numbers it reaches orders of magnitude more precision for a given number of operations on the exponential, and over float32 with less than 1 ULP of error it gets a speedup by generating code that triggers better XLA/LLVM compilation paths. The Lion work searches an infinite and sparse program space with efficient search techniques and, to bridge the large generalization gap between proxy and target tasks, adds program selection and simplification strategies; the result is the simple, memory-efficient Lion optimizer.",
    [(A, "over float32 numbers and constrained to less than 1 ULP of error, the same method attains a speedup over baselines by generating code that triggers better XLA/LLVM compilation paths"),
     (A, "evolution searched a vast space of possible programs, without knowledge of mathematics, to discover previously unknown optimized approximations to high precision"),
     (A, "our method can approximate the exponential function reaching orders of magnitude more precision for a given number of operations when compared to previous approaches"),
     (B, "We leverage efficient search techniques to explore an infinite and sparse program space"),
     (B, "To bridge the large generalization gap between proxy and target tasks, we also introduce program selection and simplification strategies")],
    ["without knowledge of mathematics", "1 ULP", "XLA/LLVM compilation paths", "infinite and sparse program space", "generalization gap between proxy and target tasks", "program selection and simplification strategies"])

A, B = 'p-b1de655f46', 'p-359d181651'  # tensor attention vs LoRA limits
add('q-g18', 'comparison',
    "The tensor (triple-wise) attention paper versus the LoRA computational-limits paper: which one carries its result on to higher orders, and which practical fine-tuning cases does the other use to illustrate its theory?",
    "The tensor-attention paper does: its construction, algorithms and lower bounds generalize naturally to higher-order tensors and correlations, and the higher the order of the tensors, the lower the bound on the entries needs to be for an efficient algorithm, a tradeoff between boundedness of the entries and tensor order. The LoRA paper identifies a phase transition in the efficiency of rank-r LoRA update algorithms and showcases its theory in two practical scenarios: partial adaptation (e.g. only W_V and W_Q) and full adaptations (e.g. W_Q, W_V and W_K) of weights in attention heads.",
    [(A, "We also show that our construction, algorithms, and lower bounds naturally generalize to higher-order tensors and correlations"),
     (A, "Interestingly, the higher the order of the tensors, the lower the bound on the entries needs to be for an efficient algorithm"),
     (B, "This allows us to (i) identify a phase transition behavior and (ii) prove the existence of nearly linear algorithms by controlling the LoRA update computation term by term, assuming the Strong Exponential Time Hypothesis (SETH)"),
     (B, "To showcase our theory, we consider two practical scenarios: partial (e.g., only W_V and W_Q) and full adaptations (e.g., W_Q, W_V, and W_K) of weights in attention heads")],
    ["higher-order tensors and correlations", "lower the bound on the entries", "phase transition", "full adaptations", "attention heads"])

# ---------------- multi-paper lists ----------------
add('q-g19', 'multi-paper',
    "Which of these papers look at how batch size affects training, e.g. large-batch regimes or how the batch size should be chosen?",
    "Predictable Scale: Part I (optimal batch size scales primarily with data size, while the optimal learning rate follows a power law in model and data size); SOAP (its gains over AdamW and Shampoo are reported in the large batch regime); Symbolic Discovery of Optimization Algorithms (Lion's performance gain grows with the training batch size); Understanding the Role of Optimization in Double Descent (batch size is among the factors, with initialization, normalization, learning rate and optimizer, that it unifies from the optimization viewpoint).",
    [('p-aa491e0d1d', "optimal learning rate follows a power-law relationship with both model parameters and data sizes, while optimal batch size scales primarily with data sizes"),
     ('p-a2c62b02c7', "In the large batch regime, SOAP reduces the number of iterations by over 40% and wall clock time by over 35% compared to AdamW"),
     ('p-0acf895ec2', "Our analysis of Lion reveals that its performance gain grows with the training batch size"),
     ('p-df76f129ab', "many disparate factors contributing to model-wise double descent (initialization, normalization, batch size, learning rate, optimization algorithm) are unified from the viewpoint of optimization")],
    [],
    also=['p-0577e5ebe2'])

add('q-g20', 'multi-paper',
    "I'm looking for work on changing the decoding procedure itself at inference time, for instance speculative decoding, or steering or fusing models while tokens are generated.",
    "RASD: Retrieval-Augmented Speculative Decoding (uses retrieval, with tree pruning and tree fusion, to improve model-based speculative decoding); Let's Fuse Step by Step / Generative Fusion Decoding (shallow fusion of an LLM with ASR/OCR models during decoding, across mismatched token spaces via byte tokens); Derivative-Free Guidance with Soft Value-Based Decoding (SVDD: an iterative sampling method that plugs soft value functions into the standard inference procedure of pre-trained diffusion models); STEER (generates style-transfer pairs with a product of experts during decoding, i.e. controllable decoding).",
    [('p-d53db9ce9c', "This paper proposes RASD (Retrieval-Augmented Speculative Decoding), which adopts retrieval methods to enhance model-based speculative decoding"),
     ('p-441f14177d', "We derive the formulas necessary to enable GFD to operate across mismatched token spaces of different models by mapping text token space to byte token space, enabling seamless fusion during the decoding process"),
     ('p-beaa847522', "Our algorithm is an iterative sampling method that integrates soft value functions, which looks ahead to how intermediate noisy states lead to high rewards in the future, into the standard inference procedure of pre-trained diffusion models"),
     ('p-3512c34bba', "STEER involves automatically generating a corpus of style-transfer pairs using a product of experts during decoding")],
    [],
    also=['p-6012751df0', 'p-9262c5d126'])

add('q-g21', 'multi-paper',
    "Has anyone here studied weight decay or early stopping, for instance what they do to training or what happens when they are left out?",
    "Grokking Tickets (at an appropriate pruning rate, grokking happens even without weight decay); Lion Secretly Solves Constrained Optimization (Lion's decoupled weight decay enforces the bound constraint ||x||_inf <= 1/lambda, with lambda the weight decay coefficient); Subject-driven Text-to-Image Generation via Preference-based RL (the lambda-Harmonic reward enables early stopping for faster training and effective regularization); Understanding the Role of Optimization in Double Descent (explains why the double-descent peak can be absent even without explicit regularization such as weight decay and early stopping).",
    [('p-7c5accf40d', "we discovered that at an appropriate pruning rate, grokking can be achieved even without weight decay"),
     ('p-a93d7d6348', "Lion achieves this through the incorporation of decoupled weight decay, where lambda represents the weight decay coefficient"),
     ('p-2344a940a4', "we present the lambda-Harmonic reward function, which provides a reliable reward signal and enables early stopping for faster training and effective regularization"),
     ('p-df76f129ab', "the peak of double descent can sometimes be noticeably absent or diminished, even without explicit regularization, such as weight decay and early stopping")],
    [],
    also=['p-56edccad95', 'p-02f3e817f2', 'p-5db73b12ab', 'p-6250ad6a7d'])

add('q-g22', 'multi-paper',
    "List the papers that involve speech recognition.",
    "Let's Fuse Step by Step / Generative Fusion Decoding (fuses LLMs into ASR and OCR systems, improving long-form and instruction-aware speech recognition, state of the art on NTUML2021); OmniDataComposer (its multimodal data structure merges video, audio and text and uses Automatic Speech Recognition among its operations).",
    [('p-441f14177d', "utilized to integrate Large Language Models (LLMs) into multi-modal text recognition systems such as automatic speech recognition (ASR) and optical character recognition (OCR)"),
     ('p-441f14177d', "increasing robustness in long-form speech recognition and instruction aware speech recognition"),
     ('p-0010f16aa8', "Our crafted algorithm leverages advancements across multiple operations such as video/image caption extraction, dense caption extraction, Automatic Speech Recognition (ASR), Optical Character Recognition (OCR), Recognize Anything Model(RAM), and object tracking")],
    [],
    also=['p-04eefb0a77', 'p-23eb5dda6d'])

add('q-g23', 'multi-paper',
    "Which papers try to reduce or prevent LLM hallucinations?",
    "LLMOPT (adopts model alignment and a self-correction mechanism to prevent hallucinations, such as sacrificing solving accuracy to avoid execution errors); UniOQA (fine-tunes an LLM to translate questions into Cypher, tackling restricted semantic understanding and hallucinations in knowledge-graph QA); Improving Retrieval-Augmented Generation through Multi-Agent RL (MMOA-RAG; RAG brings external, current knowledge into LLMs to minimize hallucinations, and the paper jointly optimizes the RAG modules).",
    [('p-c72699366e', "to prevent hallucinations in LLMs, such as sacrificing solving accuracy to avoid execution errors, the model alignment and self-correction mechanism are adopted in LLMOPT"),
     ('p-2a8304e3d7', "we fine-tune an LLM to translate questions into the Cypher query language (CQL), tackling issues associated with restricted semantic understanding and hallucinations"),
     ('p-1e818b6887', "Retrieval-augmented generation (RAG) is extensively utilized to incorporate external, current knowledge into large language models, thereby minimizing hallucinations")],
    [],
    also=['p-53282bc98e', 'p-20cf06b42d', 'p-fe5b8cf781'])

add('q-g24', 'multi-paper',
    "Is there work on judging the quality of images or videos, e.g. quality-assessment models or benchmarks that score generated video?",
    "AIM 2024 Challenge on UHD Blind Photo Quality Assessment (a competition on no-reference image quality assessment for 4K photos, under a 50G MACs budget); AIGCBench (a benchmark for image-to-video generation with 11 metrics over four dimensions, including video quality, correlating well with human judgment).",
    [('p-85424372f7', "We introduce the AIM 2024 UHD-IQA Challenge, a competition to advance the No-Reference Image Quality Assessment (NR-IQA) task for modern, high-resolution photos"),
     ('p-2215018e36', "our benchmark includes 11 metrics spanning four dimensions to assess algorithm performance"),
     ('p-2215018e36', "These dimensions are control-video alignment, motion effects, temporal consistency, and video quality")],
    [],
    also=['p-5db73b12ab', 'p-53282bc98e', 'p-5ae47bb5a6'])

add('q-g25', 'multi-paper',
    "What papers use PageRank or an algorithm modelled on it?",
    "PowerWalk (scalable Personalized PageRank: offline fingerprints from billions of short random walks, combined at query time by vertex-centric decomposition); CodeDPO (a PageRank-inspired algorithm iteratively updates the ranking score of each generated code snippet to build its preference dataset).",
    [('p-4c06d2d51a', "Most methods for Personalized PageRank (PPR) precompute and store all accurate PPR vectors, and at query time, return the ones of interest directly"),
     ('p-4c06d2d51a', "At query time, the new PPR vector is composed by a linear combination of related fingerprints, in a highly efficient vertex-centric decomposition manner"),
     ('p-b464582e92', "our PageRank-inspired algorithm iteratively updates the ranking score of each code snippet")],
    [],
    also=['p-0742edee8e'])

# ---------------- unanswerable ----------------
add('q-g26', 'unanswerable',
    "What's the reported DINO or CLIP-I score of MIGE on DreamBench for subject-driven generation?",
    "not in corpus", [], [], cited=[], distr=['p-11acb76a5b'])
add('q-g27', 'unanswerable',
    "I'm looking for work on anomaly detection, such as flagging fraudulent transactions or spotting defective products.",
    "not in corpus", [], [], cited=[])
add('q-g28', 'unanswerable',
    "In Ho et al.'s original DDPM paper, how many diffusion steps T were used?",
    "not in corpus", [], [], cited=[], distr=['p-d4d3cba56d'])
add('q-g29', 'unanswerable',
    "How many pairwise annotations are in the human preference dataset that VideoReward was trained on?",
    "not in corpus", [], [], cited=[], distr=['p-5db73b12ab'])
add('q-g30', 'unanswerable',
    "PyGlove ties the search algorithm to the search space the way ENAS and DARTS do; what does it gain in exchange for that coupling?",
    "not in corpus", [], [], cited=[], distr=['p-0546105c1e'])

assert len(R) == 30
with open(OUT, 'w') as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('wrote', OUT, len(R))
