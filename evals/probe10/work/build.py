"""Build evals/probe10/qa.jsonl from the records below (titles filled in from the parser).
qid prefix q-r (the brief's q-t1 collides with q-t10..q-t19 in evals/topics and evals/probe3)."""
import os, json, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
OUT = '/work/main/evals/probe10/qa.jsonl'

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

# ---------------- single-fact (order positions 1, 2, 3, 5, 6, 8, 9, 10) ----------------
G = 'p-37bb688224'  # pos 1, AlgoPerf
add('q-r01', 'single-fact',
    "What did the AlgoPerf authors conclude from the baseline submissions they built with today's popular optimizers? And what sorts of changes do they count as improvements to a training algorithm?",
    "The baseline results show that the benchmark is feasible, that non-trivial gaps between methods exist, and they set a provisional state-of-the-art for future submissions to beat. The baselines use optimizers that represent current practice plus others that recently received attention. Training-algorithm improvements are meant broadly, e.g. better update rules, tuning protocols, learning rate schedules, or data selection schemes.",
    [(G, "These baseline results collectively demonstrate the feasibility of our benchmark, show that non-trivial gaps between methods exist, and set a provisional state-of-the-art for future benchmark submissions to try and surpass"),
     (G, "Training algorithm improvements that speed up training across a wide variety of workloads (e.g., better update rules, tuning protocols, learning rate schedules, or data selection schemes)")],
    ["non-trivial gaps", "provisional state-of-the-art", "learning rate schedules", "data selection schemes"])

G = 'p-9262c5d126'  # pos 2, GeAR
add('q-r02', 'single-fact',
    "What is wrong with the usual bi-encoder approach to document retrieval, according to GeAR, and does GeAR cost more than a bi-encoder when it is used purely as a retriever?",
    "A bi-encoder reduces relevance to a scalar similarity, which cannot reflect enough information and makes the retrieval results hard to understand; and it mainly emphasizes the global semantics, ignoring the fine-grained semantic relationship between the query and the complex text in the document. GeAR adds fusion and decoding modules to generate the relevant text from the document, but when used as a retriever it does not add any computational burden over bi-encoders.",
    [(G, "such scalar similarity is difficult to reflect enough information and impedes our comprehension of the retrieval results"),
     (G, "this computational process mainly emphasizes the global semantics and ignores the fine-grained semantic relationship between the query and the complex text in the document"),
     (G, "Also when used as a retriever, GeAR does not add any computational burden over bi-encoders")],
    ["scalar similarity", "global semantics", "fine-grained", "computational burden"])

G = 'p-5d5403aaba'  # pos 3, metadata extraction
add('q-r03', 'single-fact',
    "Does the tool for pulling metadata out of born-digital research papers beat the other available solutions on every kind of metadata? And what problem do its authors say makes such a tool necessary?",
    "Not on every kind: the comparison with other similar solutions shows it performs better than the competition for most metadata types. The motivation is scientific information overload, which slows down scholarly communication; research infrastructures need machine-readable metadata, good-quality metadata is often not available, so a reliable automatic extraction method is needed.",
    [(G, "The comparison with other similar solutions also proved our algorithm performs better than competition for most metadata types"),
     (G, "Scientific information overload is a severe problem that slows down scholarly communication and knowledge propagation across the academia"),
     (G, "Since in practice good quality metadata is not always available, there is a strong demand for a reliable automatic method of extracting machine-readable metadata directly from source documents")],
    ["most metadata types", "information overload"])

G = 'p-6fb2ca211f'  # pos 5, MDPO
add('q-r04', 'single-fact',
    "What gap in RL research motivated Mirror Descent Policy Optimization, and how does MDPO fare in experiments against SAC, PPO and TRPO?",
    "Mirror descent had been used to analyse trust-region RL algorithms, but there remained a considerable gap between such theoretically analyzed algorithms and the ones used in practice. In experiments MDPO performs better than or on-par with TRPO, PPO, and SAC in a number of continuous control tasks, while offering a unified view of these popular algorithms.",
    [(G, "However, there remains a considerable gap between such theoretically analyzed algorithms and the ones used in practice"),
     (G, "offers a unified approach to viewing a number of popular RL algorithms, and performs better than or on-par with TRPO, PPO, and SAC in a number of continuous control tasks")],
    ["theoretically analyzed algorithms", "better than or on-par with TRPO, PPO, and SAC", "continuous control tasks"])

G = 'p-3512c34bba'  # pos 6, STEER
add('q-r05', 'single-fact',
    "Once STEER has produced its synthetic style-transfer pairs, how is the model trained on them? And what does STEER assume about the style of the text it is given?",
    "The generated offline data is used to pre-train an initial policy, and training then switches to online, off-policy reinforcement learning with fine-grained reward signals. STEER assumes nothing about the input style: it does arbitrary style transfer, rewriting text from an arbitrary, unknown source style into one of multiple target styles.",
    [(G, "The generated offline data is then used to pre-train an initial policy before switching to online, off-policy reinforcement learning for further improvements via fine-grained reward signals"),
     (G, "we focus on arbitrary style transfer: rewriting a text from an arbitrary, unknown style to a target style")],
    ["initial policy", "off-policy reinforcement learning", "fine-grained reward", "arbitrary, unknown"])

G = 'p-a9bbce3fb2'  # pos 8, length generalization / RASP
add('q-r06', 'single-fact',
    "Which earlier model of how networks learn does the RASP length-generalization paper give a counterexample to, and what exactly is RASP?",
    "The \"min-degree-interpolator\" model of learning from Abbe et al. (2023): the paper gives a simple example where it does not correctly predict Transformers' out-of-distribution behavior, while the RASP-Generalization Conjecture does. RASP (Weiss et al., 2021) is a programming language designed for the computational model of a Transformer.",
    [(G, "we give a simple example where the \"min-degree-interpolator\" model of learning from Abbe et al. (2023) does not correctly predict Transformers' out-of-distribution behavior, but our conjecture does"),
     (G, "RASP (Weiss et al., 2021) -- a programming language designed for the computational model of a Transformer")],
    ["min-degree-interpolator", "Abbe et al.", "programming language"])

G = 'p-df76f129ab'  # pos 9, double descent
add('q-r07', 'single-fact',
    "Going by the optimization-based account of double descent as models grow, should practitioners worry about the test-error peak in everyday training? Which models were used in the controlled experiments?",
    "No: the results suggest double descent is unlikely to be a problem for real-world machine learning setups, and they help explain why peaks are weak in practice but strong in carefully designed setups. The controlled experiments used random feature models and two-layer neural networks under various optimization settings.",
    [(G, "Our results suggest the following implication: Double descent is unlikely to be a problem for real-world machine learning setups"),
     (G, "We conduct a series of controlled experiments on random feature models and two-layer neural networks under various optimization settings")],
    ["unlikely to be a problem", "random feature models", "two-layer neural networks"])

G = 'p-5e66fae3bf'  # pos 10, Model Breadcrumbs
add('q-r08', 'single-fact',
    "When yet another fine-tuned task is merged with Model Breadcrumbs, do its hyperparameters have to be tuned again? What wider paradigm do the authors tie the method to?",
    "No. Unlike previous proposals, Model Breadcrumbs does not require hyperparameter tuning for each new task added, and it is more efficient. The authors align it with the paradigm of updatable machine learning, reminiscent of the collaborative principles of open-source software development, i.e. a community-driven effort to reliably update models.",
    [(G, "Our method is shown to be more efficient and unlike previous proposals does not require hyperparameter tuning for each new task added"),
     (G, "This contribution aligns with the evolving paradigm of updatable machine learning, reminiscent of the collaborative principles underlying open-source software development")],
    ["does not require hyperparameter tuning", "updatable machine learning", "open-source software development"])

# ---------------- numeric (order positions 13, 33, 37, 50, 51, 56) ----------------
G = 'p-b28d02efa5'  # pos 13, UGMathBench
add('q-r09', 'numeric',
    "How many LLMs were run on UGMathBench, and what was the best effective accuracy (EAcc) any of them managed, by which model?",
    "23 leading LLMs were evaluated. The highest EAcc was 56.3%, by OpenAI-o1-mini.",
    [(G, r"Our extensive evaluation of 23 leading LLMs reveals that the highest EAcc achieved is 56.3\% by OpenAI-o1-mini")],
    ["23", "56.3"])

G = 'p-f223ff5e63'  # pos 33, ReCode
add('q-r10', 'numeric',
    "In ReCode, what share of the perturbed prompts did human annotators confirm still mean the same as the original prompts?",
    "Over 90% of the perturbed prompts were verified not to alter the semantic meaning of the original prompt.",
    [(G, "With human annotators, we verified that over 90% of the perturbed prompts do not alter the semantic meaning of the original prompt")],
    ["90%"])

G = 'p-98b45c45c5'  # pos 37, ED admission prediction
add('q-r11', 'numeric',
    "For the Tabu-search-tuned models that predict emergency-department admissions, over how many years and from how many sites of the healthcare provider were the patient records collected?",
    "The retrospective dataset covers all ED visits over three years from three major locations of a healthcare provider in the Midwest of the US.",
    [(G, "A large retrospective dataset of patient records is obtained from the electronic health record database of all ED visits over three years from three major locations of a healthcare provider in the Midwest of the US")],
    ["three years", "three major locations"])

G = 'p-91dfbed6df'  # pos 50, ReNO
add('q-r12', 'numeric',
    "How many gradient-ascent iterations does ReNO run on the initial noise, on how many single-step image generators was it shown to work, and what is its compute budget in seconds?",
    "50 iterations of gradient ascent, on four different one-step models (across the T2I-CompBench and GenEval benchmarks), within a computational budget of 20-50 seconds.",
    [(G, "solving this optimization problem with gradient ascent for 50 iterations yields impressive results on four different one-step models across two competitive benchmarks, T2I-CompBench and GenEval"),
     (G, "Within a computational budget of 20-50 seconds, ReNO-enhanced one-step models consistently surpass the performance of all current open-source Text-to-Image models")],
    ["50 iterations", "four", "20-50 seconds"])

G = 'p-32969d94ee'  # pos 51, Parsel
add('q-r13', 'numeric',
    "With Parsel, how much higher were pass rates on competition-level APPS problems than sampling straight from AlphaCode or Codex, and how much more often were its robot plans judged accurate?",
    "Pass rates over 75% higher than prior results from directly sampling AlphaCode and Codex (often with a smaller sample budget). Robotic plans generated with Parsel were more than twice as likely to be considered accurate as directly generated plans.",
    [(G, r"resulting in pass rates over 75\% higher than prior results from directly sampling AlphaCode and Codex, while often using a smaller sample budget"),
     (G, "We also find that LLM-generated robotic plans using Parsel are more than twice as likely to be considered accurate than directly generated plans")],
    ["75", "twice"])

G = 'p-b47219cf50'  # pos 56, PanGu-Draw
add('q-r14', 'numeric',
    "How large is the biggest PanGu-Draw model that was released, and where was it released?",
    "The largest PanGu-Draw text-to-image model has 5B parameters and is released on the Ascend platform.",
    [(G, "The largest 5B T2I PanGu-Draw model is released on the Ascend platform")],
    ["5B"])

# ---------------- comparisons (order positions 12, 15, 16, 17 + partners) ----------------
A, B = 'p-8f47854615', 'p-0263c19391'  # UniCoder vs PLANSEARCH
add('q-r15', 'comparison',
    "Do UniCoder and PLANSEARCH agree on whether natural language is a good medium for the intermediate step an LLM writes before the final code?",
    "No. UniCoder argues that natural-language chain-of-thought output is not suitable for code translation or generation, because standard CoT has different logical structures and forms of expression from code. It therefore uses universal code, a pseudo-code description of the algorithm steps mixing programming-language conventions such as the assignment operator, conditional operator and loop, and trains the model on it (UniCoder-Instruct). PLANSEARCH argues the opposite for inference-time search: models repeatedly sample similar wrong programs, and this lack of diversity can be mitigated by searching over candidate plans in natural language (built from observations about the problem) rather than directly over code, which explores a significantly more diverse range of potential solutions.",
    [(A, "However, such output is not suitable for code translation or generation tasks since the standard CoT has different logical structures and forms of expression with the code"),
     (A, "It is a description of algorithm steps using a mix of conventions of programming languages, such as assignment operator, conditional operator, and loop"),
     (B, "We empirically demonstrate that this lack of diversity can be mitigated by searching over candidate plans for solving a problem in natural language"),
     (B, "By searching over plans in natural language rather than directly over code solutions, PLANSEARCH explores a significantly more diverse range of potential solutions compared to baseline search methods")],
    ["not suitable", "assignment operator", "lack of diversity", "more diverse range"])

A, B = 'p-de5eb80562', 'p-04eefb0a77'  # AdaBelief vs AdamP
add('q-r16', 'comparison',
    "AdaBelief or AdamP: which one was tried on the broader spread of tasks, and what does each claim against its baseline optimizers?",
    "AdamP (with SGDP) was evaluated more broadly: 13 benchmarks ranging from image classification (ImageNet), retrieval (CUB, SOP) and detection (COCO) to language modelling (WikiText) and audio classification (DCASE), where it brings uniform gains over the baselines. AdaBelief was validated on image classification and language modeling, where it outperforms other methods with fast convergence and high accuracy (on ImageNet it achieves comparable accuracy to SGD), and on GAN training on Cifar10, where it shows high stability and better sample quality than a well-tuned Adam optimizer.",
    [(B, "we have evaluated our methods against the baselines on 13 benchmarks"),
     (B, "They range from vision tasks like classification (e.g. ImageNet), retrieval (e.g. CUB and SOP), and detection (e.g. COCO) to language modelling (e.g. WikiText) and audio classification (e.g. DCASE) tasks"),
     (B, "We verify that our solution brings about uniform gains in those benchmarks"),
     (A, "showing that it outperforms other methods with fast convergence and high accuracy on image classification and language modeling"),
     (A, "Specifically, on ImageNet, AdaBelief achieves comparable accuracy to SGD"),
     (A, "in the training of a GAN on Cifar10, AdaBelief demonstrates high stability and improves the quality of generated samples compared to a well-tuned Adam optimizer")],
    ["13", "audio classification", "uniform gains", "comparable accuracy to SGD", "well-tuned Adam"],
    cited=[A, B])

A, B = 'p-57761e2501', 'p-089331b755'  # M-FAC vs Global MP
add('q-r17', 'comparison',
    "What's the difference between M-FAC and Global MP in how much information they use to choose which weights to prune, and in the extra cost or tuning each one brings?",
    "M-FAC uses second-order (curvature) information: it estimates Inverse-Hessian Vector Products matrix-free and in linear time, assuming the Hessian is a sum of rank-one matrices (as in the empirical Fisher approximation); one of its two algorithms is tailored to network compression, and it gives state-of-the-art pruning with lower computational overhead than existing second-order methods. Global MP uses only the weights' magnitudes: it ranks all weights globally and prunes the smallest ones, and it does not require any additional algorithm specific hyper-parameters, so it is straightforward to tune and implement (layer-collapse at high sparsity is avoided by setting a minimum threshold of weights per layer). The Global MP study even finds this simple baseline outperforms complex SOTA pruning techniques.",
    [(A, "we investigate matrix-free, linear-time approaches for estimating Inverse-Hessian Vector Products (IHVPs) for the case when the Hessian can be approximated as a sum of rank-one matrices, as in the classic approximation of the Hessian by the empirical Fisher matrix"),
     (A, "These two algorithms yield state-of-the-art results for network pruning and optimization with lower computational overhead relative to existing second-order methods"),
     (B, "Global MP ranks weights in order of their magnitudes and prunes the smallest ones"),
     (B, "Lastly, unlike many other SOTA techniques, Global MP does not require any additional algorithm specific hyper-parameters and is very straightforward to tune and implement"),
     (B, "can be easily fixed in Global MP by setting a minimum threshold of weights to be retained in each layer")],
    ["Inverse-Hessian Vector Products", "sum of rank-one matrices", "lower computational overhead", "magnitudes", "algorithm specific hyper-parameters", "minimum threshold"])

A, B = 'p-4b480d0e5a', 'p-08311d8d4d'  # Si-Blurry/MVP vs hyperparameter reality check
add('q-r18', 'comparison',
    "How does the Si-Blurry paper compare with the hyperparameter reality check on what each finds unrealistic about how continual learning is currently studied, and on what each proposes instead?",
    "Si-Blurry targets the training scenario: continual learning usually assumes a fixed number of data and tasks with clear task boundaries, and even blurry-boundary scenarios keep a fixed ratio of disjoint and blurry samples, whereas in the real world the number of data and tasks changes statistically. It proposes the Stochastic incremental Blurry scenario (Si-Blurry) and MVP (instance-wise logit masking, contrastive visual prompt tuning, a gradient similarity-based focal loss and adaptive feature scaling) against forgetting and class imbalance. The reality check targets the evaluation protocol: tuning hyperparameters on the same benchmark scenario and reporting the best result is impractical and cannot properly assess CL capability. It proposes separate Hyperparameter Tuning and Evaluation phases that use different datasets but share the same CL scenario; on CIFAR-100 and ImageNet-100 some recent state-of-the-art algorithms then show inferior performance compared to the previous algorithm.",
    [(A, "it mainly assumes a fixed number of data and tasks with clear task boundaries"),
     (A, "they still do not fully reflect the statistical properties of real-world situations because of the fixed ratio of disjoint and blurry samples"),
     (A, "We find that there are two major challenges in the Si-Blurry scenario: (1) inter- and intra-task forgettings and (2) class imbalance problem"),
     (B, "we contend that this evaluation protocol is not only impractical but also incapable of effectively assessing the CL capability of a CL algorithm"),
     (B, "we propose an evaluation protocol that involves Hyperparameter Tuning and Evaluation phases"),
     (B, "some recently proposed state-of-the-art algorithms, which reported superior performance, actually exhibit inferior performance compared to the previous algorithm")],
    ["fixed ratio of disjoint and blurry samples", "class imbalance", "Hyperparameter Tuning and Evaluation phases", "inferior performance"])

# ---------------- lists ----------------
add('q-r19', 'multi-paper',
    "Is there any work on rating models against each other Elo-style, the way chess players are ranked?",
    "CodeElo: a Codeforces-based code-generation benchmark with an Elo rating calculation system aligned with the platform, comparable with human participants but with lower variance (it rates 30 open-source and 3 proprietary LLMs). K-Sort Arena: an arena that ranks visual generative models from human votes using K-wise free-for-all comparisons with probabilistic modeling and Bayesian updating; it converges 16.3x faster than the widely used ELO algorithm.",
    [('p-6a912dfd14', "develop a reliable Elo rating calculation system that aligns with the platform and is comparable with human participants but has lower variance"),
     ('p-5ae47bb5a6', "K-Sort Arena employs K-wise comparisons, allowing K models to engage in free-for-all competitions, which yield much richer information than pairwise comparisons"),
     ('p-5ae47bb5a6', "K-Sort Arena exhibits 16.3x faster convergence compared to the widely used ELO algorithm")],
    [],
    also=['p-7238365529'])

add('q-r20', 'multi-paper',
    "Does any paper in here look at permutation symmetries of network weights, i.e. reordering hidden units so that two separately trained models line up?",
    "PLeaS: merges two models by first exploiting their permutation symmetries to partially match nodes in each layer, then solving a layer-wise least-squares problem for the merged weights (even for models fine-tuned from different base models). Analysis of Linear Mode Connectivity via Permutation-Based Weight Matching: explains why permutations found by weight matching give linear mode connectivity: they do not much reduce the L2 distance but align the directions of the singular vectors with large singular values across models.",
    [('p-c11ac89d53', "First, leveraging the Permutation symmetries inherent in the two models, PLeaS partially matches nodes in each layer by maximizing alignment"),
     ('p-0a4980c508', "This finding shows that permutations found by WM mainly align the directions of singular vectors associated with large singular values across models")],
    [],
    also=[])

add('q-r21', 'multi-paper',
    "I'm looking for papers that organise, host or win a machine-learning challenge or competition (not just use contest problems as test data).",
    "AIM 2024 UHD-IQA Challenge (the report of a no-reference image quality assessment competition for 4K photos); ChatGPT4PCG 2 (the second prompt-engineering competition for Science Birds level generation at the 2024 IEEE Conference on Games); ManiSkill2 (hosts an online challenge alongside the manipulation benchmark); Once-for-All (the winning solution of the 3rd and 4th Low Power Computer Vision Challenge); UniSeg (ranks 1st on the nuScenes LiDAR semantic segmentation challenge and the SemanticKITTI panoptic segmentation challenge).",
    [('p-85424372f7', "We introduce the AIM 2024 UHD-IQA Challenge, a competition to advance the No-Reference Image Quality Assessment (NR-IQA) task for modern, high-resolution photos"),
     ('p-7517c497a0', "This paper presents the second ChatGPT4PCG competition at the 2024 IEEE Conference on Games"),
     ('p-31e0879641', "host an online challenge open to interdisciplinary researchers"),
     ('p-638980b45e', "OFA is the winning solution for the 3rd Low Power Computer Vision Challenge (LPCVC), DSP classification track and the 4th LPCVC, both classification track and detection track"),
     ('p-b58fa23ceb', "it ranks 1st on two challenges of two benchmarks, including the LiDAR semantic segmentation challenge of nuScenes and panoptic segmentation challenges of SemanticKITTI")],
    [],
    also=['p-37bb688224', 'p-7238365529', 'p-6a912dfd14'])

add('q-r22', 'multi-paper',
    "Which papers back up their claims with a user study, i.e. real people trying a tool or comparing outputs?",
    "ReNO (extensive user studies: its images are preferred nearly twice as often as SDXL's and on par with Stable Diffusion 3); AceCoder (human evaluation shows developers prefer its programs); the AI4SE benchmark review (a user study with 22 participants rating the BenchScout search tool); Programming Puzzles (a small user study relating puzzle-solving performance to coding experience and human to AI difficulty).",
    [('p-91dfbed6df', "Extensive user studies demonstrate that our model is preferred nearly twice as often compared to the popular SDXL model"),
     ('p-751245f39a', "Human evaluation shows human developers prefer programs from AceCoder"),
     ('p-a37b32e76d', "We conducted a user study with 22 participants to evaluate BenchScout's usability, effectiveness, and intuitiveness"),
     ('p-a22d6aba78', "In a small user study, we find a positive correlation between puzzle-solving performance and coding experience")],
    [],
    also=['p-f223ff5e63', 'p-5ae47bb5a6', 'p-2215018e36', 'p-5db73b12ab', 'p-85424372f7', 'p-53ef3f9065'])

add('q-r23', 'multi-paper',
    "Anything on compositionality, e.g. generalizing to new combinations of known pieces, or prompts that pack in several objects with their attributes?",
    "What Algorithms can Transformers Learn? (the RASP view of length generalization is offered as a perspective on the mechanisms of compositional generalization); MIGE (joint training lets it generalize to novel compositional tasks such as instruction-based subject-driven editing); ReNO (targets complex compositional prompts, evaluated on T2I-CompBench and GenEval); FRAP (adaptive prompt weights with an objective that encourages object presence and the binding of object-modifier pairs).",
    [('p-a9bbce3fb2', "our work provides a novel perspective on the mechanisms of compositional generalization and the algorithmic capabilities of Transformers"),
     ('p-11acb76a5b', "enabling MIGE to generalize to novel compositional tasks, including instruction-based subject-driven editing"),
     ('p-91dfbed6df', "they still struggle to accurately capture intricate details specified in complex compositional prompts"),
     ('p-53282bc98e', "minimizing a unified objective function that encourages object presence and the binding of object-modifier pairs")],
    [],
    also=['p-31e0879641', 'p-32969d94ee', 'p-6cb64ef9c5', 'p-40223ceb5f'])

add('q-r24', 'multi-paper',
    "List the papers that use or analyse Gaussian mixture models.",
    "Probabilistic Partitive Partitioning (k-means partitions are validated with a Gaussian Mixture Model); Light Schrödinger Bridge (the light solver resembles a Gaussian mixture model, which inspires its universal-approximation proof); On the Provable Advantage of Unsupervised Pretraining (its generic framework covers Gaussian mixture models, along with factor models and contrastive learning).",
    [('p-1a731beeb6', "uses the Gaussian Mixture Model (a probabilistic clustering method) to validate the k-means partitions"),
     ('p-09d1dafe64', "Our light solver resembles the Gaussian mixture model which is widely used for density estimation"),
     ('p-a2acb767ce', "This paper further shows that our generic framework covers a wide range of approaches for unsupervised pretraining, including factor models, Gaussian mixture models, and contrastive learning")],
    [],
    also=['p-94bf4eb1a8', 'p-cda51ee9d1'])

add('q-r25', 'multi-paper',
    "Does anything in the collection deal with security or regulatory concerns, such as data-protection rules, backdoor attacks or compliance checks?",
    "Model Sparsity Can Simplify Machine Unlearning (motivated by data regulation requirements to remove the influence of specific examples, and also applied to defending against backdoor attacks); Experimenting with Multi-Agent Software Development (its platform provides security and compliance checks following European standards).",
    [('p-02f3e817f2', "In response to recent data regulation requirements, machine unlearning (MU) has emerged as a critical process to remove the influence of specific examples from a given model"),
     ('p-02f3e817f2', "such as defending against backdoor attacks and enhancing transfer learning"),
     ('p-80598904f2', "the platform provides security and compliance checks following European standards")],
    [],
    also=['p-f223ff5e63', 'p-be07570ada'])

# ---------------- unanswerable ----------------
add('q-r26', 'unanswerable',
    "What structural Hamming distance does the topological-swap method for NOTEARS-style DAG learning reach on graphs with 100 nodes?",
    "not in corpus", [], [], cited=[], distr=['p-f24a773c25'])
add('q-r27', 'unanswerable',
    "Is there work on legal NLP, such as predicting court rulings or reviewing contracts with language models?",
    "not in corpus", [], [], cited=[])
add('q-r28', 'unanswerable',
    "In the original MEMIT paper by Meng et al., how many facts were edited into GPT-J at once?",
    "not in corpus", [], [], cited=[], distr=['p-0d4bb4636e'])
add('q-r29', 'unanswerable',
    "Which LLM does OptoPrime, the optimizer built on Trace, call under the hood in its experiments?",
    "not in corpus", [], [], cited=[], distr=['p-0eb66d6c67'])
add('q-r30', 'unanswerable',
    "How many GPU hours does Light Schrödinger Bridge need to train the several neural networks its solver optimizes?",
    "not in corpus", [], [], cited=[], distr=['p-09d1dafe64'])

assert len(R) == 30
with open(OUT, 'w') as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('wrote', OUT, len(R))
