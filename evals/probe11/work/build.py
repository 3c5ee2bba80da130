"""Build evals/probe11/qa.jsonl from the records below (titles filled in from the parser).
qid prefix q-k (no existing evals/*/qa.jsonl, and no file under evals/, uses q-k)."""
import os, json, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
OUT = '/work/main/evals/probe11/qa.jsonl'

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

# ---------------- single-fact (order positions 1, 3, 4, 7, 8, 9, 10, 11) ----------------
G = 'p-0eb66d6c67'  # pos 1, Trace
add('q-k01', 'single-fact',
    "why is tuning an AI system's whole workflow (prompts, code, hyperparameters) harder than normal optimization according to the Trace paper, and what does its optimizer get to look at each round?",
    "Optimizing such workflows involves rich feedback (e.g. console output or a user's responses), heterogeneous parameters (prompts, hyper-parameters, code) and intricate objectives that go beyond maximizing a score; moreover the computation graph can change dynamically with the inputs and parameters. In the OPTO setup that Trace implements, the optimizer receives an execution trace along with feedback on the computed output and updates the parameters iteratively.",
    [(G, "Optimization of computational workflows often involves rich feedback (e.g. console output or user's responses), heterogeneous parameters (e.g. prompts, hyper-parameters, codes), and intricate objectives (beyond maximizing a score)"),
     (G, "Moreover, its computation graph can change dynamically with the inputs and parameters"),
     (G, "In OPTO, an optimizer receives an execution trace along with feedback on the computed output and updates parameters iteratively")],
    ["rich feedback", "heterogeneous parameters", "intricate objectives", "execution trace"])

G = 'p-824adbeaa2'  # pos 3, AlgoFormer
add('q-k02', 'single-fact',
    "Is AlgoFormer actually more expressive than a regular transformer or a plain looped one when the parameter budget is equal? Do the authors think it could beat hand-crafted algorithms?",
    "Yes. Compared with the standard transformer and the vanilla looped transformer, AlgoFormer achieves significantly higher expressiveness in algorithm representation when using the same number of parameters. The authors present theoretical and empirical results suggesting it has the potential to be smarter than human-designed algorithms, and in experiments it outperforms the standard and vanilla looped transformers on some challenging tasks.",
    [(G, "Compared with the standard transformer and vanilla looped transformer, the proposed AlgoFormer can achieve significantly higher expressiveness in algorithm representation when using the same number of parameters"),
     (G, "some theoretical and empirical results are presented to show that the designed transformer has the potential to be smarter than human-designed algorithms")],
    ["significantly higher expressiveness", "same number of parameters", "smarter than human-designed algorithms"])

G = 'p-f2cdb5e6ce'  # pos 4, AIO-P
add('q-k03', 'single-fact',
    "AIO-P: which two weaknesses of previous architecture performance predictors is it meant to fix, and apart from predicting scores, what can it be plugged into?",
    "Existing predictors are task-dependent, mostly estimating performance on image classification benchmarks, and search-space dependent, each built for one architecture search space with predefined topologies and operations. AIO-P pretrains on architectures from multiple computer-vision task domains and several architecture spaces and then transfers to unseen tasks or architectures. It can also rank new architectures not seen during training and serve as an effective performance estimator when paired with an algorithm designed to preserve performance while reducing FLOPs.",
    [(G, "However, existing predictors are task-dependent, predominantly estimating neural network performance on image classification benchmarks"),
     (G, "They are also search-space dependent; each predictor is designed to make predictions for a specific architecture search space with predefined topologies and set of operations"),
     (G, "Moreover, AIO-P can directly transfer to new architectures not seen during training, accurately rank them and serve as an effective performance estimator when paired with an algorithm designed to preserve performance while reducing FLOPs")],
    ["task-dependent", "search-space dependent", "reducing FLOPs"])

G = 'p-2215018e36'  # pos 7, AIGCBench
add('q-k04', 'single-fact',
    "how did AIGCBench make the input images it feeds to image-to-video models, and what was wrong with older benchmarks that this is supposed to fix?",
    "AIGCBench uses a novel text combiner and GPT-4 to create rich text prompts, and then generates images from them with advanced text-to-image models, yielding a varied, open-domain image-text dataset on which different algorithms are evaluated under equivalent conditions. Existing benchmarks suffer from a lack of diverse datasets.",
    [(G, "We employ a novel text combiner and GPT-4 to create rich text prompts, which are then used to generate images via advanced Text-to-Image models"),
     (G, "AIGCBench tackles the limitations of existing benchmarks, which suffer from a lack of diverse datasets, by including a varied and open-domain image-text dataset that evaluates different state-of-the-art algorithms under equivalent conditions")],
    ["text combiner", "GPT-4", "lack of diverse datasets"])

G = 'p-f24a773c25'  # pos 8, NOTEARS topological swaps
add('q-k05', 'single-fact',
    "Can the DAG learner that swaps node pairs in a topological order be used to polish results from other structure learning methods? And what sort of point is it guaranteed to converge to?",
    "Yes: it can be used as a post-processing algorithm that significantly improves the score of other algorithms. It is guaranteed to find a local minimum or a KKT point, under weaker conditions than previous work, and it finds solutions with lower scores.",
    [(G, "Additionally, our method can also be used as a post-processing algorithm to significantly improve the score of other algorithms"),
     (G, "The key advantage of our proposed algorithm is that it is guaranteed to find a local minimum or a KKT point under weaker conditions compared to previous work and finds solutions with lower scores")],
    ["post-processing", "local minimum or a KKT point", "weaker conditions"])

G = 'p-e74ce08b01'  # pos 9, Unified Embedding
add('q-k06', 'single-fact',
    "Most alternative embedding schemes give every categorical feature a separate table. What does Feature Multiplexing do instead, how can the model still tell the features apart, and what practical benefits does Unified Embedding claim?",
    "Feature Multiplexing drops the assumption that each feature uses an independent embedding table: one single representation space is shared across many different categorical features. The multiplexed embeddings can be decomposed into components from each constituent feature, which lets models distinguish between features. Unified Embedding, the practical approach built on this, claims three benefits: simplified feature configuration, strong adaptation to dynamic data distributions, and compatibility with modern hardware.",
    [(G, "Many of these methods, however, make the assumption that each feature uses an independent embedding table"),
     (G, "This work introduces a simple yet highly effective framework, Feature Multiplexing, where one single representation space is used across many different categorical features"),
     (G, "Our theoretical and empirical analysis reveals that multiplexed embeddings can be decomposed into components from each constituent feature, allowing models to distinguish between features"),
     (G, "Further, we propose a highly practical approach called Unified Embedding with three major benefits: simplified feature configuration, strong adaptation to dynamic data distributions, and compatibility with modern hardware")],
    ["independent embedding table", "one single representation space", "decomposed into components", "simplified feature configuration", "compatibility with modern hardware"])

G = 'p-be07570ada'  # pos 10, variance-reduced Halpern iteration
add('q-k07', 'single-fact',
    "Why do the authors of the variance-reduced Halpern method for monotone inclusions insist on an error measure that can be computed, and what do they say is new about their result?",
    "Methods with computable approximation errors provide verifiable exit criteria, so the guarantees are given for the last iterate and for a computable operator-norm residual. The authors call it the first variance reduction-type result for general finite-sum monotone inclusions, and for more specific problems such as convex-concave optimization when the operator norm residual is the optimality measure.",
    [(G, "Further, methods with computable approximation errors are highly desirable, as they provide verifiable exit criteria"),
     (G, "This constitutes the first variance reduction-type result for general finite-sum monotone inclusions and for more specific problems such as convex-concave optimization when operator norm residual is the optimality measure")],
    ["verifiable exit criteria", "first variance reduction-type result", "convex-concave optimization"])

G = 'p-b59e1c733a'  # pos 11, LV-HBA
add('q-k08', 'single-fact',
    "In the LV-HBA paper on constrained bilevel problems, what kind of constraint does the inner problem have, and which standard assumption about the inner problem does the convergence analysis get rid of?",
    "The lower-level problem involves constraints coupling both upper-level and lower-level variables. LV-HBA's non-asymptotic convergence analysis eliminates the need for the traditional strong convexity assumption on the lower-level problem, and it can also accommodate non-singleton scenarios.",
    [(G, "a class of constrained Bi-Level Optimization (BLO) problems in which the lower-level problem involves constraints coupling both upper-level and lower-level variables"),
     (G, "Furthermore, we offer non-asymptotic convergence analysis for LV-HBA, eliminating the need for traditional strong convexity assumptions for the lower-level problem while also being capable of accommodating non-singleton scenarios")],
    ["coupling both upper-level and lower-level variables", "strong convexity", "non-singleton"])

# ---------------- numeric (order positions 17, 32, 40, 45, 51, 59) ----------------
G = 'p-dabb913969'  # pos 17, UniGeo
add('q-k09', 'numeric',
    "how much better is Geoformer than the task-specific NGS model on UniGeo, for calculation and for proving?",
    "Geoformer beats NGS by over 5.6% accuracy on calculation problems and by 3.2% on proving problems.",
    [(G, "Experiments on the UniGeo demonstrate that our proposed Geoformer obtains state-of-the-art performance by outperforming task-specific model NGS with over 5.6% and 3.2% accuracies on calculation and proving problems, respectively")],
    ["5.6%", "3.2%"])

G = 'p-96318102f8'  # pos 32, verification for test-time compute
add('q-k10', 'numeric',
    "What sizes of pretrained LLMs were used to check empirically the claim that verifier-based finetuning beats cloning search traces as test-time compute grows?",
    "3B, 8B and 32B models: the theory is corroborated on didactic and math reasoning problems with 3/8/32B-sized pre-trained LLMs, where verification turns out to be crucial for scaling test-time compute.",
    [(G, "We corroborate our theory empirically on both didactic and math reasoning problems with 3/8/32B-sized pre-trained LLMs, where we find verification is crucial for scaling test-time compute")],
    ["3/8/32B"])

G = 'p-1274d02c2b'  # pos 40, Codex for HPC kernels
add('q-k11', 'numeric',
    "copilot HPC kernel generation study - how many suggestions per prompt does their proficiency metric use?",
    "The proficiency metric is built around the initial 10 suggestions that GitHub Copilot (OpenAI Codex, in Visual Studio Code as of April 2023) gives for each prompt.",
    [(G, "To quantify and compare the results, we propose a proficiency metric around the initial 10 suggestions given for each prompt")],
    ["10 suggestions"])

G = 'p-0acf895ec2'  # pos 45, Lion
add('q-k12', 'numeric',
    "When Lion is used for vision-language contrastive training, what zero-shot and fine-tuned ImageNet accuracy does it get, and by how much does that beat the previous best?",
    "88.3% zero-shot and 91.1% fine-tuning accuracy on ImageNet, surpassing the previous best results by 2% and 0.1%, respectively.",
    [(G, "On vision-language contrastive learning, we achieve 88.3% zero-shot and 91.1% fine-tuning accuracy on ImageNet, surpassing the previous best results by 2% and 0.1%, respectively")],
    ["88.3%", "91.1%", "0.1%"])

G = 'p-c71f5e228a'  # pos 51, Chain-of-Experts
add('q-k13', 'numeric',
    "Chain-of-Experts lets you scale by looping tokens through experts more times instead of picking more experts per token. What exchange rate between the two does the paper report, and how much memory does that save compared with other ways of scaling?",
    "Using 2x iterations matches the performance of 3x expert selections (in width), while reducing memory usage by 17.6-42% relative to other scaling strategies.",
    [(G, "For example, using 2x iterations matches the performance of 3x expert selections (in width), while reducing memory usage by 17.6-42% relative to other scaling strategies")],
    ["2x", "3x", "17.6-42%"])

G = 'p-e0fd502efc'  # pos 59, EXAdam
add('q-k14', 'numeric',
    "EXAdam vs Adam on a CIFAR-10 CNN: how much faster does it converge and how much do train/val/test accuracy go up?",
    "EXAdam converges 48.07% faster than Adam and improves training, validation and testing accuracies by 4.6%, 4.13% and 2.39%, respectively.",
    [(G, "Empirical evaluations demonstrate EXAdam's superiority over Adam, achieving 48.07% faster convergence and yielding improvements of 4.6%, 4.13%, and 2.39% in training, validation, and testing accuracies, respectively, when applied to a CNN trained on the CIFAR-10 dataset")],
    ["48.07%", "4.6%", "4.13%", "2.39%"])

# ---------------- comparison (order positions 12, 13, 14, 15 as the first side) ----------------
add('q-k15', 'comparison',
    "Alternating minimization is itself a block-wise method. Is the robust alternating-minimization paper for low-rank matrix completion chasing the same improvement as the paper on faster block coordinate descent, or something different?",
    "Something different. The block coordinate descent paper improves how much progress each iteration makes, by revisiting the three building blocks (block partitioning, block selection and block update rules): new greedy block-selection rules that guarantee more progress per iteration than the Gauss-Southwell rule, message-passing to compute Newton updates on huge blocks, and active-set identification that yields superlinear convergence for certain problems with sparse solutions. The matrix-completion paper instead makes alternating minimization tolerate a moderate amount of error from approximate updates (as used in practice), and gives an algorithm that runs in O~(|Omega| k) time, nearly linear in the time to verify the solution, while preserving the sample complexity.",
    [('p-6250ad6a7d', "We (i) propose new greedy block-selection strategies that guarantee more progress per iteration than the Gauss-Southwell rule"),
     ('p-6250ad6a7d', "leads to superlinear convergence for certain problems with sparse solutions (and in some cases finite termination at an optimal solution)"),
     ('p-8c385b8407', "we develop an analytical framework for alternating minimization that can tolerate moderate amount of errors caused by approximate updates"),
     ('p-8c385b8407', "which is nearly linear in the time to verify the solution while preserving the sample complexity")],
    ["Gauss-Southwell rule", "superlinear convergence", "approximate updates", "nearly linear"])

add('q-k16', 'comparison',
    "How do randomized parameter sharing and EoRA differ in what they assume you start from when shrinking a model, and does either of them need gradient training for the compression step?",
    "Randomized parameter sharing (RPS, defended in 'In defense of parameter sharing') is used for model compression at start of training, i.e. the parameter-shared model is what gets trained, and it is both data and model-agnostic; the paper compares it with pruning and with building smaller models. EoRA instead assumes a model that has already been compressed (e.g. quantized or pruned) and adds residual low-rank paths to compensate for the compression errors; it works without requiring gradient-based training, in minutes on a small amount of calibration data.",
    [('p-00d259104d', "More recently, randomized parameter-sharing (RPS) methods have gained traction for model compression at start of training"),
     ('p-00d259104d', "Our findings demonstrate that RPS, which is both data and model-agnostic, consistently outperforms/matches smaller models and all moderately informed pruning strategies"),
     ('p-ff86aa925d', "Given a compressed model, we aim to introduce residual low-rank paths to compensate for compression errors under customized requirements from users"),
     ('p-ff86aa925d', "a method that directly minimizes compression-induced errors without requiring gradient-based training, achieving fast optimization in minutes using a small amount of calibration data")],
    ["at start of training", "data and model-agnostic", "residual low-rank paths", "without requiring gradient-based training", "calibration data"])

add('q-k17', 'comparison',
    "Compare Twin-Merging and the evolutionary approach to model merging on what each one thinks is holding merging back.",
    "Twin-Merging names two challenges: interference between different models and heterogeneous data during testing (a one-size-fits-all merged model lacks flexibility). It therefore splits knowledge into shared and exclusive components and merges them dynamically based on the input. The evolutionary work says model merging currently relies on human intuition and domain knowledge, which limits its potential, so it uses evolutionary search to discover effective combinations of open-source models automatically.",
    [('p-907987aa21', "However, two challenges remain: (a) interference between different models and (b) heterogeneous data during testing"),
     ('p-907987aa21', "(2) dynamically merging shared and task-specific knowledge based on the input"),
     ('p-597ebbb8a2', "While model merging has emerged as a promising approach for LLM development due to its cost-effectiveness, it currently relies on human intuition and domain knowledge, limiting its potential"),
     ('p-597ebbb8a2', "we propose an evolutionary approach that overcomes this limitation by automatically discovering effective combinations of diverse open-source models")],
    ["interference between different models", "heterogeneous data during testing", "human intuition and domain knowledge"])

add('q-k18', 'comparison',
    "Do LLM Reasoners and the bag-of-tricks benchmark of inference-time methods point to the same levers for getting better reasoning out of an LLM?",
    "Only partly; they look at different levers. LLM Reasoners, analysing approaches such as CoT, ToT and RAP, finds that factors contributing to reasoning include reward-guidance, breadth-vs-depth in search, the world model and prompt formats. The Bag of Tricks study optimizes the two halves of the proposer-verifier pipeline, candidate generation (instructing prompts, temperature, top-p) and reward mechanisms (self-evaluation, reward types), and finds that previously overlooked strategies can significantly help, e.g. tuning temperature improves reasoning performance by up to 5%. Both mention prompts and rewards, but only LLM Reasoners studies search shape and world models, and only Bag of Tricks studies sampling hyperparameters.",
    [('p-f391b574f6', "The analysis reveals interesting findings about different factors contributing to reasoning, including the reward-guidance, breadth-vs-depth in search, world model, and prompt formats, etc."),
     ('p-6012751df0', "our research focuses on optimizing both candidate solution generation (e.g., instructing prompts, hyperparameters such as temperature and top-p) and reward mechanisms (e.g., self-evaluation, reward types)"),
     ('p-6012751df0', "our ablation studies reveal that previously overlooked strategies can significantly enhance performance (e.g., tuning temperature can improve reasoning task performance by up to 5%)")],
    ["reward-guidance", "breadth-vs-depth", "prompt formats", "temperature"])

# ---------------- multi-paper lists ----------------
add('q-k19', 'multi-paper',
    "Any research using training-free methods, i.e. the key step (search, merging, fixing a compressed model) needs no gradient training at all?",
    "As-ViT (designs and scales ViTs with a training-free search, a 'seed' topology found without training); AutoDiffusion (training-free search over time steps and compressed architectures for diffusion models, without any training process); EoRA (training-free compensation of compressed LLMs with eigenspace low-rank paths, fitted in minutes on calibration data); PCB-Merging (a lightweight, training-free technique that re-weights each parameter when merging models).",
    [('p-4c8ecc0388', "we propose As-ViT, an auto-scaling framework for ViTs without training, which automatically discovers and scales up ViTs in an efficient and principled manner"),
     ('p-4c8ecc0388', "we first design a \"seed\" ViT topology by leveraging a training-free search process"),
     ('p-d4d3cba56d', "the proposed method is (i).training-free, obtaining the optimal time steps and model architecture without any training process"),
     ('p-ff86aa925d', "EoRA offers a scalable, training-free solution to compensate for compression errors"),
     ('p-82792bb364', "a lightweight and training-free technique that adjusts the coefficients of each parameter for effective model merging")],
    [],
    also=['p-638980b45e', 'p-b47219cf50', 'p-6012751df0', 'p-91dfbed6df', 'p-53282bc98e', 'p-5db73b12ab', 'p-597ebbb8a2', 'p-907987aa21'])

add('q-k20', 'multi-paper',
    "Show me work on saving compute by reusing things that were already computed: caching, precomputed indexes, or not having to re-embed stored items after a model update.",
    "Unified Functional Hashing in AutoML (functional equivalence caching: hashing detects equivalent candidates so their costly re-evaluation is skipped); PowerWalk (an offline index of per-vertex PPR fingerprints that are combined at query time, with a shared decomposition for query batches); Stationary Representations (compatible features let a retrieval system swap in a better model without reprocessing the gallery images).",
    [('p-4425e3960b', "The central idea is to detect by hashing when the search method produces equivalent candidates, which occurs very frequently, and this way avoid their costly re-evaluation"),
     ('p-4c06d2d51a', "The offline indexing attains a fingerprint of the PPR vector of each vertex by performing billions of \"short\" random walks in parallel across a cluster of machines"),
     ('p-4c06d2d51a', "At query time, the new PPR vector is composed by a linear combination of related fingerprints, in a highly efficient vertex-centric decomposition manner"),
     ('p-55c5a7e7cc', "Such a representation enables seamless delivery of retrieval service (i.e., no reprocessing of gallery images) and offers improved performance without operational disruptions during model replacement")],
    [],
    also=['p-57761e2501', 'p-638980b45e', 'p-b47219cf50'])

add('q-k21', 'multi-paper',
    "Papers about calibration, meaning making a model's confidence or probability scores trustworthy and comparable?",
    "Evaluating Large-Vocabulary Object Detectors (standard AP ignores cross-category confidence calibration; AP-Pool rewards properly calibrated detectors, and explicitly calibrating detectors improves the state of the art on AP-Pool); Improving Probability-based Prompt Selection (proposes Calibration by Marginalization, CBM, a new calibration method that raises prompt-selection effectiveness).",
    [('p-21010fa7e6', "On the other hand, it ignores cross-category confidence calibration, a key property in real-world use cases"),
     ('p-21010fa7e6', "we revisit classical approaches for calibration and find that explicitly calibrating detectors improves state-of-the-art on AP-Pool by 1.7 points"),
     ('p-eddba19c54', "we propose a novel calibration method called Calibration by Marginalization (CBM) that is orthogonal to existing methods")],
    [],
    also=['p-ff86aa925d', 'p-b58fa23ceb', 'p-21fc622762'])

add('q-k22', 'multi-paper',
    "Has anyone here studied min-max or adversarial, game-like formulations, for instance computing equilibria or training against an adversary?",
    "Variance Reduced Halpern Iteration (finite-sum monotone inclusions, which model game-theoretic equilibrium problems from adversarial robustness and multi-agent settings, incl. convex-concave problems); SRPO (casts learning from preferences as a min-max objective, optimizing a self-improvement policy and the generative policy adversarially); Learning to Actively Learn (learns its adaptive algorithm by adversarial training over equivalence classes of problems, competing with the best algorithm for each class).",
    [('p-be07570ada', "Machine learning approaches relying on such criteria as adversarial robustness or multi-agent settings have raised the need for solving game-theoretic equilibrium problems"),
     ('p-b5d01a38a2', "which can be mathematically expressed in terms of a min-max objective that aims at joint optimization of self-improvement policy and the generative policy in an adversarial fashion"),
     ('p-aadfc3276a', "our adaptive algorithm is learned via adversarial training over equivalence classes of problems derived from information theoretic lower bounds")],
    [],
    also=['p-de5eb80562', 'p-ae97520e6e', 'p-cda51ee9d1', 'p-e0fd502efc'])

add('q-k23', 'multi-paper',
    "Which of these papers deal with special-purpose programming languages or paradigms, e.g. probabilistic programming, symbolic programming, or a language that models how a transformer computes?",
    "What Algorithms can Transformers Learn? (uses RASP, a programming language for the Transformer's computational model, to state the RASP-Generalization Conjecture); Probabilistic Programming with Programmable Variational Inference (genjax.vi, variational objectives as programs in the Gen probabilistic programming system); PyGlove (symbolic programming for AutoML, where ML programs are mutable and manipulated by other programs).",
    [('p-a9bbce3fb2', "we leverage RASP (Weiss et al., 2021) -- a programming language designed for the computational model of a Transformer"),
     ('p-6cb64ef9c5', "we propose a more modular approach to supporting variational inference in PPLs, based on compositional program transformation"),
     ('p-0546105c1e', "In this paper, we introduce a new way of programming AutoML based on symbolic programming")],
    [],
    also=['p-8f47854615', 'p-24a45b117b', 'p-a22d6aba78', 'p-0eb66d6c67', 'p-2a8304e3d7', 'p-4425e3960b'])

add('q-k24', 'multi-paper',
    "I need papers on information extraction, i.e. pulling structured information such as entities, relations or metadata out of text and documents.",
    "KnowCoder (an LLM for universal information extraction via code generation, with schemas written as Python classes); New Methods for Metadata Extraction from Scientific Literature (extracts document metadata, structured full text and bibliographies from born-digital articles).",
    [('p-24a45b117b', "we propose KnowCoder, a Large Language Model (LLM) to conduct Universal Information Extraction (UIE) via code generation"),
     ('p-5d5403aaba', "This research addresses these problems by proposing an automatic, accurate and flexible algorithm for extracting wide range of metadata directly from scientific articles in born-digital form")],
    [],
    also=['p-0010f16aa8', 'p-441f14177d'])

add('q-k25', 'multi-paper',
    "Is there any work that measures how robust models are when their inputs are perturbed or varied?",
    "ReCode (robustness benchmark for code generation with over 30 natural prompt transformations and worst-case robustness metrics); Evaluation and Improvement of Interpretability for Part-Prototype Networks (a stability score for explanation robustness against perturbations); UGMathBench (randomized versions of each problem and a reasoning gap metric, Delta, that assesses reasoning robustness).",
    [('p-f223ff5e63', "In this paper, we propose ReCode, a comprehensive robustness evaluation benchmark for code generation models"),
     ('p-f223ff5e63', "we define robustness metrics for code generation models considering the worst-case behavior under each type of perturbation"),
     ('p-d91ebb67e0', "we propose two evaluation metrics, termed as consistency score and stability score, to evaluate the explanation consistency across images and the explanation robustness against perturbations, respectively"),
     ('p-b28d02efa5', "reasoning gap (Delta), which assesses reasoning robustness by calculating the difference between the average accuracy across all versions and EAcc")],
    [],
    also=['p-37bb688224', 'p-3512c34bba', 'p-b3131fbfff', 'p-b5d01a38a2'])

# ---------------- unanswerable ----------------
add('q-k26', 'unanswerable',
    "What top-1 accuracy does ST-ProtoPNet reach on the CUB-200-2011 birds dataset?",
    "not in corpus", [], [], cited=[], distr=['p-6a19dacd71'])
add('q-k27', 'unanswerable',
    "Any work on decoding EEG or other brain signals with deep learning, e.g. for brain-computer interfaces?",
    "not in corpus", [], [], cited=[])
add('q-k28', 'unanswerable',
    "In the original PPO paper by Schulman et al., what value of the clipping parameter epsilon was recommended?",
    "not in corpus", [], [], cited=[], distr=['p-6fb2ca211f'])
add('q-k29', 'unanswerable',
    "Which base LLM do the agents in MMOA-RAG (multi-agent RL for retrieval-augmented generation) run on?",
    "not in corpus", [], [], cited=[], distr=['p-1e818b6887'])
add('q-k30', 'unanswerable',
    "How many steps does RPO spend training its text encoder for each new subject in subject-driven image generation?",
    "not in corpus", [], [], cited=[], distr=['p-2344a940a4'])

assert len(R) == 30
with open(OUT, 'w') as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('wrote', OUT, len(R))
