"""Build evals/probe12/qa.jsonl from the records below (titles filled in from the parser).
qid prefix q-j (no existing evals/*/qa.jsonl, and no file under evals/, uses q-j)."""
import os, json, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
OUT = '/work/main/evals/probe12/qa.jsonl'

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

# ---------------- single-fact (order positions 0, 2, 3, 4, 5, 6, 8, 9) ----------------
G = 'p-46df4f60f2'  # pos 0, LLM-based algorithms
add('q-j01', 'single-fact',
    "According to the paper that sets up a formal theory of algorithms built out of LLM calls, why have such systems so far been designed mostly by guesswork, and can the analysis say anything even though the LLMs themselves are opaque?",
    "Their design and optimization have mostly relied on heuristics and trial-and-errors, which the authors attribute largely to a lack of formal and analytical study of these algorithms. Their framework (a computational-graph view with task decomposition) still lets them analyse the accuracy and efficiency of LLM-based algorithms despite the black-box nature of LLMs.",
    [(G, "the design and optimization of them have mostly relied on heuristics and trial-and-errors, which is largely due to a lack of formal and analytical study for these algorithms"),
     (G, "facilitate our formal analysis for the accuracy and efficiency of LLM-based algorithms, despite the black-box nature of LLMs")],
    ["heuristics and trial-and-errors", "lack of formal and analytical study", "black-box nature of LLMs"])

G = 'p-b63474abe2'  # pos 2, penalty methods for bilevel optimization
add('q-j02', 'single-fact',
    "In the penalty-method work on nonconvex bilevel problems, how do they choose the penalty weight so that solving the penalized problem gives an epsilon-stationary point, and what are the variables constrained to?",
    "They view the penalty formulation as an O(sigma)-approximation of the original bilevel problem and optimize it with sigma = O(epsilon), which yields an epsilon-stationary solution with first-order methods. The objectives are smooth but possibly nonconvex in both levels, and the variables are restricted to closed convex sets.",
    [(G, "viewing the penalty formulation as O(sigma)-approximation of the original BO, we propose first-order algorithms that find an epsilon-stationary solution by optimizing the penalty formulation with sigma = O(epsilon)"),
     (G, "the objective functions are smooth but possibly nonconvex in both levels and the variables are restricted to closed convex sets")],
    ["sigma = O(epsilon)", "closed convex sets", "smooth but possibly nonconvex in both levels"])

G = 'p-f2cdb5e6ce'  # pos 3, AIO-P
add('q-j03', 'single-fact',
    "What's the trick AIO-P uses to represent architectures and carry one predictor over to new vision tasks, and does the target task have to be fine-tuned on?",
    "The authors describe techniques for a general graph representation of architectures, efficient predictor pretraining and knowledge infusion, plus methods to transfer to downstream tasks and search spaces. Fine-tuning is optional: AIO-P reaches MAE below 1% and SRCC above 0.5 on a breadth of downstream CV tasks with or without fine-tuning.",
    [(G, "We describe our proposed techniques for general graph representation, efficient predictor pretraining and knowledge infusion techniques, as well as methods to transfer to downstream tasks/spaces"),
     (G, "on a breadth of target downstream CV tasks with or without fine-tuning")],
    ["general graph representation", "knowledge infusion", "with or without fine-tuning"])

G = 'p-75b33ad4b2'  # pos 4, UniFashion
add('q-j04', 'single-fact',
    "Why, per the UniFashion authors, had embedding-style fashion tasks such as cross-modal search between clothing pictures and captions been neglected, and what was lacking in earlier single multi-task models?",
    "Embedding tasks such as image-to-text or text-to-image retrieval had been largely overlooked because of the diverse nature of the multimodal fashion domain, and current research on multi-task single models does lack focus on image generation. UniFashion integrates image generation with retrieval and text generation, and the authors argue for a learning synergy between multimodal generation and retrieval.",
    [(G, "tasks involving embeddings, such as image-to-text or text-to-image retrieval, have been largely overlooked from this perspective due to the diverse nature of the multimodal fashion domain"),
     (G, "And current research on multi-task single models lack focus on image generation"),
     (G, "This work demonstrates the potential learning synergy between multimodal generation and retrieval")],
    ["diverse nature of the multimodal fashion domain", "lack focus on image generation", "learning synergy"])

G = 'p-09d1dafe64'  # pos 5, Light SB
add('q-j05', 'single-fact',
    "Light Schrödinger Bridge: what did the authors think the field of SB solvers was missing, and which classic algorithms from other areas do they name to illustrate the role they want their solver to play?",
    "Most existing SB solvers are heavy-weighted and need complex optimization of several neural networks, and there was no principal solver acting as a simple-yet-effective baseline for SB. They compare the intended role to k-means in clustering, logistic regression in classification and the Sinkhorn algorithm in discrete optimal transport. Besides the solver, they also analyse its generalization error.",
    [(G, "most existing SB solvers are still heavy-weighted and require complex optimization of several neural networks"),
     (G, "there is no principal solver which plays the role of simple-yet-effective baseline for SB just like, e.g., k-means method in clustering, logistic regression in classification or Sinkhorn algorithm in discrete optimal transport"),
     (G, "we conduct the analysis of the generalization error of our light solver")],
    ["simple-yet-effective baseline", "k-means", "logistic regression", "Sinkhorn algorithm"])

G = 'p-23eb5dda6d'  # pos 6, long-sequence unified view
add('q-j06', 'single-fact',
    "According to the study that rewrites long-context sequence models in one mathematical template, why do Transformers have trouble with long-range dependencies, and what do the authors credit for Transformers' success to begin with?",
    "Transformers fall short on long-range dependencies mainly because of their quadratic complexity in the context length, in terms of both time and space. Their success (fast training and superior performance across NLP, image classification and video/audio processing) is attributed largely to positional encoding and multi-head attention.",
    [(G, "Much of the merit is attributable to positional encoding and multi-head attention"),
     (G, "Transformers fall short in learning long-range dependencies mainly due to the quadratic complexity scaled with context length, in terms of both time and space")],
    ["positional encoding and multi-head attention", "quadratic complexity", "both time and space"])

G = 'p-7238365529'  # pos 8, AlphaCode
add('q-j07', 'single-fact',
    "According to the AlphaCode paper, why did earlier big language models that can already write simple programs still do badly on programming-contest problems?",
    "Those models could complete simple programming tasks but still performed poorly on more complex, unseen problems that require problem-solving skills beyond simply translating instructions into code. Competitive programming problems require an understanding of algorithms and complex natural language, which is why they remained extremely challenging.",
    [(G, "these models still perform poorly when evaluated on more complex, unseen problems that require problem-solving skills beyond simply translating instructions into code"),
     (G, "competitive programming problems which require an understanding of algorithms and complex natural language remain extremely challenging")],
    ["beyond simply translating instructions into code", "understanding of algorithms and complex natural language"])

G = 'p-57761e2501'  # pos 9, M-FAC
add('q-j08', 'single-fact',
    "In M-FAC, how do they handle the optimizer use case: over what is the inverse Hessian estimated, and what vector is it multiplied with?",
    "M-FAC's second algorithm targets optimization: the inverse Hessian is estimated over a sliding window of optimization steps, and its product with a given gradient direction is computed, as needed for preconditioned SGD. Computing this IHVP costs O(dm + m^2), and adding or removing a gradient from the sliding window costs O(dm + m^3).",
    [(G, "The second algorithm targets an optimization setting, where we wish to compute the product between the inverse Hessian, estimated over a sliding window of optimization steps, and a given gradient direction, as required for preconditioned SGD"),
     (G, "We give an algorithm with cost O(dm + m^2) for computing the IHVP and O(dm + m^3) for adding or removing any gradient from the sliding window")],
    ["sliding window of optimization steps", "gradient direction"])

# ---------------- numeric (order positions 28, 80, 82, 87, 91, 95) ----------------
G = 'p-2635a357ef'  # pos 28, MAP-Elites
add('q-j09', 'numeric',
    "How many problem domains did the MAP-Elites authors use to demonstrate their archive-of-elites algorithm?",
    "MAP-Elites was demonstrated in three different problem domains, ranging from producing modular neural networks to designing simulated and real soft robots.",
    [(G, "We demonstrate the benefits of this new algorithm in three different problem domains ranging from producing modular neural networks to designing simulated and real soft robots")],
    ["three"])

G = 'p-6e63d02711'  # pos 80, PF-PPO
add('q-j10', 'numeric',
    "How big were the models on which PF-PPO, the reward-filtering variant of PPO for code generation, achieved its record results, and on which benchmarks?",
    "7-billion-parameter models, on HumanEval, MBPP and a new, more challenging LeetCode Contest benchmark (some PF-PPO variants reach new state-of-the-art performance there).",
    [(G, "some variants of PF-PPO are highly effective and achieve new state-of-the-art performance across 7-billion-parameter models on HumanEval, MBPP, and a new and more challenging LeetCode Contest benchmark")],
    ["7-billion-parameter"])

G = 'p-53282bc98e'  # pos 82, FRAP
add('q-j11', 'numeric',
    "By how much does FRAP beat D&B in generation latency on COCO-Subject?",
    "FRAP is 4 seconds faster than D&B on the COCO-Subject dataset; it has a lower average latency than recent latent code optimization methods while giving higher prompt-image alignment.",
    [(G, "while having a lower average latency compared to recent latent code optimization methods, e.g., 4 seconds faster than D&B on the COCO-Subject dataset")],
    ["4 seconds"])

G = 'p-a2c62b02c7'  # pos 87, SOAP
add('q-j12', 'numeric',
    "By how much does SOAP beat plain Shampoo in the large-batch language-model pretraining runs, and what sizes of models were used?",
    "About 20% improvements over Shampoo in both metrics (number of iterations and wall-clock time), in the large batch regime; against AdamW the reductions are over 40% in iterations and over 35% in wall-clock time. The experiments pretrain language models of 360m and 660m size.",
    [(G, "We empirically evaluate SOAP on language model pre-training with 360m and 660m sized models"),
     (G, "In the large batch regime, SOAP reduces the number of iterations by over 40% and wall clock time by over 35% compared to AdamW, with approximately 20% improvements in both metrics compared to Shampoo")],
    ["20%", "360m", "660m"])

G = 'p-0263c19391'  # pos 91, PLANSEARCH
add('q-j13', 'numeric',
    "What score did Claude 3.5 Sonnet get on LiveCodeBench with no search at all, and with ordinary repeated sampling, i.e. the baselines PLANSEARCH is compared to?",
    "Without search it reaches pass@1 = 41.4%; with standard repeated sampling it reaches pass@200 = 60.6%. PLANSEARCH on top of Claude 3.5 Sonnet reaches a state-of-the-art pass@200 of 77.0%.",
    [(G, "Using PLANSEARCH on top of Claude 3.5 Sonnet achieves a state-of-the-art pass@200 of 77.0% on LiveCodeBench, outperforming both the best score achieved without search (pass@1 = 41.4%) and using standard repeated sampling (pass@200 = 60.6%)")],
    ["41.4%", "60.6%"])

G = 'p-2344a940a4'  # pos 95, RPO
add('q-j14', 'numeric',
    "What scores did RPO, the preference-based RL approach to subject-driven image generation, get on DreamBench?",
    "A state-of-the-art CLIP-I score of 0.833 and CLIP-T score of 0.314 on DreamBench.",
    [(G, "our algorithm achieves a state-of-the-art CLIP-I score of 0.833 and a CLIP-T score of 0.314 on DreamBench")],
    ["0.833", "0.314"])

# ---------------- comparison (sides from order positions 11, 13, 14, 15) ----------------
A, B = 'p-4679943e61', 'p-824adbeaa2'  # LifeGPT vs AlgoFormer
add('q-j15', 'comparison',
    "Is there a difference between how LifeGPT and AlgoFormer get a transformer to carry out an algorithm step after step?",
    "Yes. LifeGPT keeps an ordinary decoder-only GPT that predicts the next state of the Game of Life, and runs the algorithm over many steps from outside the model: the 'autoregressive autoregressor' idea is to recursively implement Life using LifeGPT, feeding each prediction back in. The authors see this as a path towards universal computation within an LLM framework. AlgoFormer builds the iteration into the architecture: its block has a pre-transformer for task pre-processing, a looped transformer for iterative optimization algorithms, and a post-transformer that produces the result after post-processing.",
    [(A, "We also introduce the idea of an `autoregressive autoregressor' to recursively implement Life using LifeGPT"),
     (A, "Our results pave the path towards true universal computation within a large language model (LLM) framework"),
     (B, "our transformer block consists of a pre-transformer that is responsible for task pre-processing, a looped transformer for iterative optimization algorithms, and a post-transformer for producing the desired results after post-processing")],
    ["autoregressive autoregressor", "recursively implement Life", "universal computation", "looped transformer for iterative optimization algorithms"])

A, B = 'p-cda51ee9d1', 'p-a2acb767ce'  # tester-learner vs provable pretraining
add('q-j16', 'comparison',
    "Contrast the polynomial-time halfspace tester-learner with the theory paper on why unsupervised pretraining helps, regarding what their guarantees depend on and what those guarantees are.",
    "The tester-learner does not simply trust a distributional assumption: the learner certifies that its hypothesis is near optimal whenever the training set passes an associated test, and sets drawn from the target distribution (Gaussian, or more generally strongly log-concave) must pass. Under Massart noise it gets error opt + epsilon in polynomial time for any strongly log-concave target; under adversarial noise it gets O(opt) + epsilon in polynomial time for the Gaussian and in quasipolynomial time for strongly log-concave distributions. The pretraining paper rests on a mild 'informative' condition: with MLE pretraining and ERM downstream, the excess risk is O(C_Phi/m + C_Psi/n), which beats supervised learning on labeled data alone (O(C_{Phi o Psi}/n)) when m gg n, i.e. far more unlabeled than labeled data, and C_{Phi o Psi} > C_Psi.",
    [(A, "a learner certifies that the accuracy of its output hypothesis is near optimal whenever the training set passes an associated test, and training sets drawn from some target distribution -- e.g., the Gaussian -- must pass the test"),
     (A, "For Massart noise, our tester-learner runs in polynomial time and outputs a hypothesis with (information-theoretically optimal) error opt + epsilon for any strongly log-concave target distribution"),
     (A, "For adversarial noise, our tester-learner obtains error O(opt) + epsilon in polynomial time when the target distribution is Gaussian; for strongly log-concave distributions, we obtain O(opt) + epsilon in quasipolynomial time"),
     (B, "We prove that, under a mild ''informative'' condition, our algorithm achieves an excess risk of mathcal{O}(mathcal{C_Phi/m} + mathcal{C_Psi/n}) for downstream tasks"),
     (B, "our result rigorously shows the benefit of unsupervised pretraining when m gg n and C_{Phicirc Psi} > C_Psi")],
    ["passes an associated test", "strongly log-concave", "quasipolynomial time", "informative", "m gg n"])

A, B = 'p-29c5c92ebd', 'p-5cf51f937b'  # OpenCoder vs Wan
add('q-j17', 'comparison',
    "OpenCoder versus Wan: which one explains why so few models in its area are truly open, and who does each say its full open release is meant to serve?",
    "OpenCoder does. It says high-quality code LLMs fit for rigorous scientific investigation, with reproducible data processing pipelines and transparent training protocols, remain limited because of resource constraints, ethical considerations and the competitive advantages of keeping models advanced; it positions itself as an 'open cookbook' for the research community, to broaden access and enable reproducible advancements in code AI. Wan gives no such diagnosis; it open-sources the whole series (source code and all models) to foster the growth of the video generation community, expand the creative possibilities of video production in industry, and provide academia with high-quality video foundation models.",
    [(A, "The scarcity is due to various challenges, including resource constraints, ethical considerations, and the competitive advantages of keeping models advanced"),
     (A, "OpenCoder, a top-tier code LLM that not only achieves performance comparable to leading models but also serves as an ``open cookbook'' for the research community"),
     (B, "We open-source the entire series of Wan, including source code and all models, with the goal of fostering the growth of the video generation community"),
     (B, "This openness seeks to significantly expand the creative possibilities of video production in the industry and provide academia with high-quality video foundation models")],
    ["resource constraints, ethical considerations", "competitive advantages", "open cookbook", "creative possibilities of video production", "high-quality video foundation models"])

A, B = 'p-06710693fa', 'p-d1a0440dda'  # GPICL vs hierarchical Bayesian few-shot
add('q-j18', 'comparison',
    "What do the meta-trained general-purpose in-context learner and the hierarchical Bayesian model for few-shot meta-learning disagree about, when it comes to how much of the learner's machinery should be spelled out by hand?",
    "The in-context learning work wants as little built in as possible: it meta-trains black-box models (Transformers and others) with minimal inductive bias, which take in training data and produce test-set predictions without any explicit definition of an inference model, training loss or optimization algorithm. The hierarchical Bayesian work does the opposite and writes down an explicit probabilistic model: episode-wise local random variables govern each episode's generative process and are governed by a higher-level global random variate that memorizes information from past episodes and controls how much to adapt, so predicting on a new episode becomes a Bayesian inference problem (made tractable with a Normal-Inverse-Wishart model).",
    [(A, "train general-purpose in-context learning algorithms from scratch, using only black-box models with minimal inductive bias"),
     (A, "Such a model takes in training data, and produces test-set predictions across a wide range of problems, without any explicit definition of an inference model, training loss, or optimization algorithm"),
     (B, "We consider episode-wise random variables to model episode-specific target generative processes, where these local random variables are governed by a higher-level global random variate"),
     (B, "Within our model framework, the prediction on a novel episode/task can be seen as a Bayesian inference problem")],
    ["minimal inductive bias", "without any explicit definition of an inference model", "higher-level global random variate", "Bayesian inference problem"])

# ---------------- multi-paper lists ----------------
add('q-j19', 'multi-paper',
    "Which works here look at randomized algorithms, for example random walks, randomly shared weights, or randomness used to explore and choose queries?",
    "In defense of parameter sharing (randomized parameter-sharing, RPS, for model compression, with the improved STABLE-RPS); Making RL with Preference-based Feedback Efficient via Randomization (randomization in algorithm design, a randomized active learning procedure, and a Thompson-sampling-inspired model-based randomized algorithm); PowerWalk (Personalized PageRank estimated from billions of short random walks, combined at query time).",
    [('p-00d259104d', "More recently, randomized parameter-sharing (RPS) methods have gained traction for model compression at start of training"),
     ('p-1e0f192258', "In the linear MDP model, using randomization in algorithm design, we present an algorithm that is sample efficient"),
     ('p-1e0f192258', "we design a model-based randomized algorithm inspired by the idea of Thompson sampling"),
     ('p-4c06d2d51a', "The offline indexing attains a fingerprint of the PPR vector of each vertex by performing billions of \"short\" random walks in parallel across a cluster of machines")],
    [],
    also=['p-b28d02efa5', 'p-7c5accf40d', 'p-a93d7d6348', 'p-6cb64ef9c5'])

add('q-j20', 'multi-paper',
    "Can you find papers that cut how much memory a method needs, whether GPU memory during training or the footprint of a model or of its software infrastructure?",
    "ReMax (reduces memory usage by about 50% compared with PPO; PPO runs out of memory fine-tuning Llama2-7B on A100-80GB GPUs where ReMax does not); Chain-of-Experts (2x expert iterations match 3x expert selections while reducing memory usage by 17.6-42%); Symbolic Discovery of Optimization Algorithms (Lion is more memory-efficient than Adam because it only tracks the momentum); In defense of parameter sharing (assesses the memory-accuracy trade-off of randomized parameter sharing vs pruning and smaller models, and shows RPS is more memory-efficient than pruning for linear models); ManiSkill2 (a render server shares rendering resources across environments, significantly reducing memory usage).",
    [('p-0577e5ebe2', "Second, ReMax reduces memory usage by about 50%"),
     ('p-c71f5e228a', "using 2x iterations matches the performance of 3x expert selections (in width), while reducing memory usage by 17.6-42% relative to other scaling strategies"),
     ('p-0acf895ec2', "It is more memory-efficient than Adam as it only keeps track of the momentum"),
     ('p-00d259104d', "we comprehensively assess the trade-off between memory and accuracy across RPS, pruning techniques, and building smaller models"),
     ('p-31e0879641', "It implements a render server infrastructure to allow sharing rendering resources across all environments, thereby significantly reducing memory usage")],
    [],
    also=['p-5cf51f937b', 'p-a93d7d6348', 'p-fea8e51144', 'p-a2c62b02c7', 'p-6250ad6a7d', 'p-4c06d2d51a', 'p-57761e2501', 'p-9eb281c009', 'p-0ef74875aa'])

add('q-j21', 'multi-paper',
    "What papers discuss editing, whether changing the facts stored inside a model or editing images and videos from instructions?",
    "A Unified Framework for Model Editing (ROME and MEMIT under one preservation-memorization objective, plus EMMET for batched edits of the knowledge in a model); MIGE (instruction-based image editing trained jointly with subject-driven generation); Wan (its applications include instruction-guided video editing).",
    [('p-0d4bb4636e', "Model editing is a growing area focused on updating the knowledge embedded within models"),
     ('p-0d4bb4636e', "we present EMMET - an Equality-constrained Mass Model Editing algorithm for Transformers, a new batched memory-editing algorithm"),
     ('p-11acb76a5b', "It treats subject-driven generation as creation on a blank canvas and instruction-based editing as modification of an existing image, establishing a shared input-output formulation"),
     ('p-5cf51f937b', "It also covers multiple downstream applications, including image-to-video, instruction-guided video editing, and personal video generation")],
    [],
    also=['p-5e66fae3bf'])

add('q-j22', 'multi-paper',
    "Point me to research about low-rank structure: low-rank approximations, factorizations or adapters.",
    "Low Rank Matrix Completion via Robust Alternating Minimization (finds a rank-k approximation UV^T from a few observed entries); EoRA (residual low-rank paths that compensate compression errors, fitted in the eigenspace of input activations); Computational Limits of LoRA (low-rank decompositions in LoRA's gradient computation enable nearly linear algorithms via chained low-rank approximations).",
    [('p-8c385b8407', "the low rank matrix completion problem asks us to find a rank-k approximation of M as UV^top"),
     ('p-ff86aa925d', "we aim to introduce residual low-rank paths to compensate for compression errors under customized requirements from users"),
     ('p-359d181651', "Our key observation is that the existence of low-rank decompositions within the gradient computation of LoRA adaptation leads to possible algorithmic speedup")],
    [],
    also=['p-57761e2501'])

add('q-j23', 'multi-paper',
    "Do any of the papers tackle optimizing or steering a model without gradients, e.g. with only black-box access or with rewards you cannot differentiate?",
    "Derivative-Free Guidance in Diffusion Models (soft value-based decoding that needs no differentiable proxy models and can use non-differentiable rewards, without fine-tuning); Prompt Optimization with Human Feedback (APOHF optimizes the prompt of a black-box LLM using only human preference feedback, via a dueling-bandit strategy); Improving Probability-based Prompt Selection (unifies and improves gradient-free probability-based prompt selection methods, e.g. MI variants and Calibration by Marginalization).",
    [('p-beaa847522', "our approach avoids fine-tuning generative models and eliminates the need to construct differentiable models"),
     ('p-53ef3f9065', "we aim to optimize the prompt for a black-box LLM using only human preference feedback"),
     ('p-eddba19c54', "Previous works have introduced gradient-free probability-based prompt selection methods that aim to choose the optimal prompt among the candidates for a given task")],
    [],
    also=['p-20cf06b42d', 'p-597ebbb8a2', 'p-02316a73d6', 'p-2635a357ef', 'p-4425e3960b', 'p-0acf895ec2', 'p-0eb66d6c67', 'p-46df4f60f2'])

add('q-j24', 'multi-paper',
    "Are there studies on data augmentation?",
    "Revisiting Graph Neural Networks on Graph-level Tasks (a unified graph contrastive learning algorithm that adaptively removes unimportant edges to augment graphs); SSLRec (a framework for self-supervised recommendation with a complete set of data augmentation and self-supervised toolkits).",
    [('p-b3131fbfff', "we introduce a unified graph contrastive learning algorithm for graphs across diverse domains, which adaptively removes unimportant edges to augment graphs, thereby significantly improving generalization performance"),
     ('p-be3f640995', "a complete set of data augmentation and self-supervised toolkits to help create SSL recommendation models with specific needs")],
    [],
    also=['p-0ec8e08f5d', 'p-52f17ba0be', 'p-0010f16aa8'])

add('q-j25', 'multi-paper',
    "Which abstracts mention designing or experimenting with vision transformers (ViTs)?",
    "Auto-scaling Vision Transformers without Training (As-ViT: training-free search and automatic scaling of ViTs, plus progressive tokenization); PLeaS (merges ResNet and ViT models); Symbolic Discovery of Optimization Algorithms (Lion boosts ViT accuracy on ImageNet by up to 2%).",
    [('p-4c8ecc0388', "This work targets automated designing and scaling of Vision Transformers (ViTs)"),
     ('p-c11ac89d53', "We demonstrate our method to merge ResNet and ViT models trained with shared and different label spaces"),
     ('p-0acf895ec2', "On image classification, Lion boosts the accuracy of ViT by up to 2% on ImageNet")],
    [],
    also=['p-21fc622762', 'p-0ef74875aa', 'p-2d174b4937', 'p-5cf51f937b'])

# ---------------- unanswerable ----------------
add('q-j26', 'unanswerable',
    "What resolve rate does CodeTree reach on SWE-bench?",
    "not in corpus", [], [], cited=[], distr=['p-75338698a1'])
add('q-j27', 'unanswerable',
    "Are there studies on recognizing or translating sign language from video?",
    "not in corpus", [], [], cited=[])
add('q-j28', 'unanswerable',
    "In Kingma and Ba's original Adam paper, what default value is recommended for beta2, the decay rate of the second-moment estimate?",
    "not in corpus", [], [], cited=[], distr=['p-e0fd502efc'])
add('q-j29', 'unanswerable',
    "What pruning rate do the Grokking Tickets authors say lets a network grok without any weight decay?",
    "not in corpus", [], [], cited=[], distr=['p-7c5accf40d'])
add('q-j30', 'unanswerable',
    "Since Lion stores both first- and second-moment estimates plus an extra sign buffer, how much more optimizer memory does it need than Adam?",
    "not in corpus", [], [], cited=[], distr=['p-0acf895ec2'])

assert len(R) == 30
with open(OUT, 'w') as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('wrote', OUT, len(R))
