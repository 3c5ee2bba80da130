"""Build evals/probe9/qa.jsonl from the records below (titles filled in from the parser)."""
import os, json, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
OUT = '/work/main/evals/probe9/qa.jsonl'

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

# ---------------- single-fact (order positions 1, 3, 4, 5, 7, 8, 9, 10) ----------------
G = 'p-5c47aae58c'
add('q-y01', 'single-fact',
    "Can the inductive-bias complexity measure of task difficulty be used to compare tasks from different learning paradigms? Which ones, and what do its authors hope it will help people build?",
    "Yes. It can be computed for supervised learning, reinforcement learning and meta-learning, and their generalization difficulties compared against each other. The authors hope it will guide the construction of more complex tasks that require greater inductive bias, and so encourage more sophisticated architectures and learning algorithms.",
    [(G, "Our measure can be applied to compute and compare supervised learning, reinforcement learning and meta-learning generalization difficulties against each other"),
     (G, "Our measure provides a quantitative metric to guide the construction of more complex tasks requiring greater inductive bias")],
    ["supervised learning", "reinforcement learning", "meta-learning", "more complex tasks"])

G = 'p-14feb7db64'
add('q-y02', 'single-fact',
    "How many mechanisms does the human-inspired deep framework for lifelong learning need to cover properties like forward and backward transfer, and which peculiarities of human learning do the authors link it to?",
    "A single one: the framework supports almost all of these properties and approaches through one central mechanism. The authors connect it to peculiarities of human learning such as memory loss and \"rain man\".",
    [(G, "we propose a simple yet powerful unified deep learning framework that supports almost all of these properties and approaches through one central mechanism"),
     (G, "We also draw connections between many peculiarities of human learning (such as memory loss and \"rain man\") and our framework")],
    ["one central mechanism", "memory loss", "rain man"])

G = 'p-0d4bb4636e'
add('q-y03', 'single-fact',
    "What kind of solution does EMMET give for the equality-constrained editing objective, and up to what number of simultaneous edits does it keep pace with MEMIT?",
    "EMMET (Equality-constrained Mass Model Editing for Transformers) gives a closed form solution for the equality-constrained version of the preservation-memorization objective. It performs batched edits on par with MEMIT up to a batch size of 256, although the authors note challenges in stabilizing it.",
    [(G, "With EMMET, we present a closed form solution for the equality-constrained version of the preservation-memorization objective"),
     (G, "We show that EMMET is able to perform batched-edits on par with MEMIT up to a batch-size of 256 and discuss the challenges in stabilizing EMMET")],
    ["closed form solution", "256"])

G = 'p-091b8ce57d'
add('q-y04', 'single-fact',
    "What is wrong with BLEU, Accuracy and CodeBLEU as ways to score generated programs, according to the CodeScore authors?",
    "Two drawbacks. First, these match-based metrics mainly measure surface differences between programs and ignore functional equivalence, although different code can perform identical operations. Second, they are designed mostly for the Ref-only input format, while code evaluation also needs NL-only and Ref&NL inputs.",
    [(G, "They primarily measure the surface differences between codes without considering their functional equivalence"),
     (G, "They are predominantly designed for the Ref-only input format")],
    ["surface differences", "functional equivalence", "Ref-only"])

G = 'p-a93d7d6348'
add('q-y05', 'single-fact',
    "Which known optimizers does Lion borrow pieces from, according to the paper that explains it with a Lyapunov function, and why was its theory unclear?",
    "Lion combines elements of signed momentum, decoupled weight decay, Polak and Nesterov momentum, but it does not fit into any existing category of theoretically grounded optimizers, so its theoretical basis was uncertain.",
    [(G, "Lion incorporates elements from several existing algorithms, including signed momentum, decoupled weight decay, Polak, and Nesterov momentum, but does not fit into any existing category of theoretically grounded optimizers")],
    ["signed momentum", "Polak", "Nesterov momentum"])

G = 'p-ab5a19757c'
add('q-y06', 'single-fact',
    "Which training objectives did the CodeGen2 study merge into a single learning algorithm, and what claim about infill sampling did it put to the test?",
    "It unified causal language modeling, span corruption and infilling into one simple learning algorithm, and for infill sampling it examined the claim of a \"free lunch\" hypothesis.",
    [(G, "For learning methods, (i) causal language modeling, (ii) span corruption, (iii) infilling are unified into a simple learning algorithm"),
     (G, "For infill sampling, we explore the claim of a \"free lunch\" hypothesis")],
    ["causal language modeling", "span corruption", "infilling", "free lunch"])

G = 'p-dabb913969'
add('q-y07', 'single-fact',
    "In UniGeo, how are geometry proofs made compatible with calculation problems so that one model can learn both, and what additional pretraining task helps Geoformer?",
    "Each proving problem is annotated with a multi-step proof (reasons and mathematical expressions) that can be reformulated as a proving sequence in the same format as the program sequences annotated for calculation problems, so Geoformer handles both as sequence generation. Mathematical Expression Pretraining (MEP), which predicts the mathematical expressions in the problem solution, further improves Geoformer.",
    [(G, "The proof can be easily reformulated as a proving sequence that shares the same formats with the annotated program sequence for calculation problems"),
     (G, "we propose a Mathematical Expression Pretraining (MEP) method that aims to predict the mathematical expressions in the problem solution, thus improving the Geoformer model")],
    ["proving sequence", "Mathematical Expression Pretraining"])

G = 'p-b63474abe2'
add('q-y08', 'single-fact',
    "What condition on the perturbed inner problem does the first-order penalty approach to nonconvex bilevel optimization assume for convergence, and can the method run without a nested loop?",
    "It assumes that the perturbed lower-level problem uniformly satisfies the small-error proximal error-bound (EB) condition. Under an additional assumption on the stochastic oracles, the algorithm can be implemented in a fully single-loop way, with O(1) samples per iteration, improving the oracle complexity to O(epsilon^-3) (deterministic) and O(epsilon^-5) (noisy).",
    [(G, "When the perturbed lower-level problem uniformly satisfies the small-error proximal error-bound (EB) condition, we propose a first-order algorithm that converges to an epsilon-stationary point of the penalty function"),
     (G, "Under an additional assumption on stochastic oracles, we show that the algorithm can be implemented in a fully {\\it single-loop} manner, i.e., with O(1) samples per iteration")],
    ["proximal error-bound", "single-loop"])

# ---------------- numeric (positions 2, 25, 29, 31, 39, 44) ----------------
G = 'p-eddba19c54'
add('q-y09', 'numeric',
    "Across how many NLP tasks did the unified evaluation compare likelihood-based ways of picking a prompt, and what figure is given for how much Calibration by Marginalization raises the best method's selection effectiveness?",
    "13 common NLP tasks; CBM increases the prompt selection effectiveness of the best method by 99.44%.",
    [(G, "by performing extensive experiments on 13 common NLP tasks"),
     (G, "helps increase the prompt selection effectiveness of the best method by 99.44%")],
    ["13", "99.44%"])

G = 'p-5cf51f937b'
add('q-y10', 'numeric',
    "How many downstream tasks does the Wan video model suite cover at most?",
    "Up to eight tasks, including image-to-video, instruction-guided video editing and personal video generation.",
    [(G, "It also covers multiple downstream applications, including image-to-video, instruction-guided video editing, and personal video generation, encompassing up to eight tasks")],
    ["eight"])

G = 'p-20127394a8'
add('q-y11', 'numeric',
    "By how much does the LLM-plus-RL code optimization framework (CodeT5 with RRHF on PIE) beat the baseline models on the %OPT and SP metrics?",
    "An increase of 5.6% on %OPT and 2.2 on SP over the baseline models.",
    [(G, "we accomplish an increase of 5.6% and 2.2 over the baseline models concerning the %OP T and SP metrics")],
    ["5.6%", "2.2"])

G = 'p-0742edee8e'
add('q-y12', 'numeric',
    "On how many public datasets was NBPO, the noisy-label-robust sampler for implicit feedback, tested?",
    "On two public real-world datasets.",
    [(G, "Extensive experiments on two public real-world datasets show the significant improvement of our proposed optimization methods")],
    ["two"])

G = 'p-98b45c45c5'
add('q-y13', 'numeric',
    "In the study that pairs Tabu Search with XGBoost, AdaBoost and MLP to predict whether emergency patients are admitted, how many models were built in total, and what were the best model's sensitivity and specificity?",
    "54 models (three proposed and three traditional algorithms on nine data groups). The best model reached 99.3% sensitivity and 91.4% specificity (with AUC 95.4%, F1 95.2% and accuracy 97.2%).",
    [(G, "In other words, 54 models are developed"),
     (G, "The AUC, sensitivity, specificity, F1, and accuracy of the best model are 95.4%, 99.3%, 91.4%, 95.2%, 97.2%, respectively")],
    ["54", "99.3%", "91.4%"])

G = 'p-7fc647a82e'
add('q-y14', 'numeric',
    "How large a reduction in required samples does PARL report for policy alignment on DeepMind Control and Meta-World tasks?",
    "Up to 63% fewer samples are required.",
    [(G, "showing significant improvements (up to 63\\% in terms of required samples) for policy alignment in large-scale environments of the Deepmind control suite and Meta world tasks")],
    ["63"])

# ---------------- comparison (positions 11, 12, 13, 14 + partners) ----------------
A, B = 'p-11acb76a5b', 'p-2344a940a4'
add('q-y15', 'comparison',
    "MIGE vs. RPO for personalised, subject-driven image generation: what does each train, and what does each gain from the way it is trained?",
    "MIGE trains subject-driven generation jointly with instruction-based editing in one framework built on multimodal instructions. This joint training gives Cross-Task Enhancement (better instruction adherence and visual consistency in both tasks) and lets it generalize to a new compositional task, instruction-based subject-driven editing, where it sets the state of the art. RPO (Reward Preference Optimization) fine-tunes only the U-Net, with no text-encoder training or text-embedding optimization. It uses the lambda-Harmonic reward function to get preference labels (with a Bradley-Terry model) and a reliable reward signal that enables early stopping, so it trains faster and is regularized against overfitting to the reference images.",
    [(A, "(1) Cross-Task Enhancement: By leveraging shared visual and semantic representations, joint training improves instruction adherence and visual consistency in both subject-driven generation and instruction-based editing"),
     (A, "enabling MIGE to generalize to novel compositional tasks, including instruction-based subject-driven editing"),
     (B, "we present the lambda-Harmonic reward function, which provides a reliable reward signal and enables early stopping for faster training and effective regularization"),
     (B, "our approach does not require training a text encoder or optimizing text embeddings and achieves text-image alignment by fine-tuning only the U-Net component")],
    ["Cross-Task Enhancement", "instruction-based subject-driven editing", "lambda-Harmonic", "U-Net"])

A, B = 'p-aadfc3276a', 'p-06710693fa'
add('q-y16', 'comparison',
    "How does Learning to Actively Learn differ from the work that meta-trains Transformers to pick up new problems purely from in-context examples, in what each assumes about the family of problems it will face? And what does each report about its test tasks or about what makes training succeed?",
    "Learning to Actively Learn explicitly sets itself against meta-learning that learns an adaptive algorithm relative to an explicit, user-defined subset or prior distribution over problems, which can be hard to define and mismatched at test time. Instead, it trains adversarially over equivalence classes of problems and needs only the queries, hypotheses, loss and query budget. After synthetic experiments, it is evaluated on real-data tasks: a noisy 20 Questions game and a joke recommendation task. The in-context learning paper does meta-train on a distribution of tasks. It finds transitions between algorithms that generalize, memorize or fail to meta-train at all, driven by model size, number of tasks and meta-optimization, and it proposes practical interventions such as biasing the training distribution to improve meta-training and meta-generalization.",
    [(A, "This is in contrast to existing meta-learning work that learns an adaptive algorithm relative to an explicit, user-defined subset or prior distribution over problems which can be challenging to define and be mismatched to the instance encountered at test time"),
     (A, "evaluate the method on tasks derived from real data including a noisy 20 Questions game and a joke recommendation task"),
     (B, "We characterize transitions between algorithms that generalize, algorithms that memorize, and algorithms that fail to meta-train at all, induced by changes in model size, number of tasks, and meta-optimization"),
     (B, "we propose practical interventions such as biasing the training distribution that improve the meta-training and meta-generalization of general-purpose in-context learning algorithms")],
    ["prior distribution over problems", "20 Questions", "joke recommendation", "number of tasks", "biasing the training distribution"])

A, B = 'p-21fc622762', 'p-ea43b2c8b2'
add('q-y17', 'comparison',
    "Moment Probing versus DAM-VP: does either of them change anything inside the pretrained backbone, and how does each process a new input at test time?",
    "Moment Probing trains a linear classifier on the feature distribution rather than on the mean feature: the distribution is represented by its characteristic function, approximated with first- and second-order moments (the second-order moments computed by a multi-head convolutional cross-covariance, MHC^3). Its extended version MP+ does touch the backbone: a partially shared module learns two recalibrating parameters (PSRP) for it. DAM-VP works with a frozen backbone and learns visual prompts, one per cluster of the downstream data. At inference it dynamically picks a prompt for each input according to the feature distance between the input and each subset.",
    [(A, "we represent feature distribution by its characteristic function, which is efficiently approximated by using first- and second-order moments of features"),
     (A, "we introduce a partially shared module to learn two recalibrating parameters (PSRP) for backbones based on MP, namely MP_{+}"),
     (B, "an efficient and effective prompting method for transferring pre-trained models to downstream tasks with frozen backbone"),
     (B, "During inference, we dynamically select a proper prompt for each input, based on the feature distance between the input and each subset")],
    ["second-order moments", "recalibrating parameters", "frozen backbone", "feature distance"])

A, B = 'p-6a19dacd71', 'p-20cf06b42d'
add('q-y18', 'comparison',
    "Which of ST-ProtoPNet or LiMA is meant to explain a model it has no access to inside, and what does each report about the image regions it points to or how it finds them?",
    "LiMA is the black-box one: it attributes a prediction to input regions by casting attribution as submodular subset selection, ranks sub-regions with a bidirectional greedy search, and identifies both the most and the least important regions. ST-ProtoPNet is interpretable by design: it is a prototype-based classifier that adds support prototypes (near the classification boundary) to the usual trivial prototypes. It reports that the support prototypes tend to be better localised in the object of interest rather than in the background, with results on CUB-200-2011, Stanford Cars and Stanford Dogs.",
    [(B, "we propose a novel and efficient black-box attribution mechanism, LiMA (Less input is More faithful for Attribution)"),
     (B, "we improve optimization efficiency through a novel bidirectional greedy search algorithm. LiMA identifies both the most and least important samples"),
     (A, "We also show that the proposed support prototypes tend to be better localised in the object of interest rather than in the background region"),
     (A, "Experimental results on CUB-200-2011, Stanford Cars, and Stanford Dogs datasets demonstrate that ST-ProtoPNet achieves state-of-the-art classification accuracy and interpretability results")],
    ["black-box", "bidirectional greedy search", "object of interest"],
    cited=[A, B])

# ---------------- multi-paper lists ----------------
add('q-y19', 'multi-paper',
    "Any papers on scaling laws?",
    "Predictable Scale (Step Law): universal scaling laws for LLM pretraining hyperparameters, where the optimal learning rate follows a power law in model and data size and the optimal batch size scales mainly with data size, fitted from 3,700 trained LLMs; Wan: its 14B video generation model demonstrates scaling laws of video generation with respect to both data and model size.",
    [('p-aa491e0d1d', "we discover universal scaling laws governing these hyperparameters: optimal learning rate follows a power-law relationship with both model parameters and data sizes, while optimal batch size scales primarily with data sizes"),
     ('p-5cf51f937b', "demonstrates the scaling laws of video generation with respect to both data and model size")],
    [],
    also=['p-96318102f8', 'p-ab5a19757c', 'p-0263c19391', 'p-4c8ecc0388', 'p-df76f129ab'])

add('q-y20', 'multi-paper',
    "Which papers make use of knowledge distillation?",
    "Rich Feature Construction / Bonsai (its synthesis episodes use knowledge distillation so that one network represents all the features found in earlier discovery episodes); Scaling Test-Time Compute Without Verification or RL is Suboptimal (shows that verifier-free approaches that distill or clone search/thinking traces scale worse than verifier-based RL or search); the AIM 2024 UHD-IQA challenge report (participants used knowledge distillation, along with low-precision inference and multi-scale training, to meet the compute budget).",
    [('p-08426276e4', "During synthesis episodes, we use knowledge distillation to force the network to simultaneously represent all the previously discovered features"),
     ('p-96318102f8', "we prove that finetuning LLMs with verifier-based (VB) methods based on RL or search is far superior to verifier-free (VF) approaches based on distilling or cloning search traces"),
     ('p-85424372f7', "participants leverage techniques like knowledge distillation, low-precision inference, and multi-scale training")],
    [],
    also=['p-2c4416da0d', 'p-b0e2206ad6', 'p-8aa7dd1bc7'])

add('q-y21', 'multi-paper',
    "I'm looking for reinforcement-learning work whose main concern is exploration: agents that must discover rewarding states in hard environments, or theory that measures how hard exploring is. What's in the collection?",
    "Intelligent Go-Explore (replaces Go-Explore's hand-designed heuristics with a foundation model's notion of interestingness to decide which archived states to explore from, tested on Game of 24, BabyAI-Text and TextWorld); LOOP for infinite-horizon average-reward MDPs (an optimism-based algorithm with a new complexity measure, AGEC, that captures the difficulty of exploration under general function approximation).",
    [('p-1e9b14872e', "Go-Explore is a powerful family of algorithms designed to solve hard-exploration problems"),
     ('p-1e9b14872e', "IGE combines the tremendous strengths of FMs and the powerful Go-Explore algorithm, opening up a new frontier of research into creating more generally capable agents with impressive exploration capabilities"),
     ('p-abb13811d3', "we propose a novel complexity measure -- average-reward generalized eluder coefficient (AGEC) -- which captures the challenge of exploration in AMDPs with general function approximation")],
    [],
    also=['p-1e0f192258', 'p-aadfc3276a', 'p-5ae47bb5a6', 'p-8adbac0dd5', 'p-2635a357ef', 'p-75338698a1'])

add('q-y22', 'multi-paper',
    "Which papers deal with supervision that cannot be trusted, for instance labels that might be flipped, reward scores that may be wrong, or automatically generated test cases that are themselves unreliable?",
    "NBPO (some unvoted items in implicit-feedback recommendation are positives mislabeled as negatives; it models label flipping with Bayes' theorem); the efficient tester-learner for halfspaces (learning under Massart or adversarial label noise in the testable learning model); PF-PPO (filters out samples whose reward-model scores may be unreliable during RLHF for code generation); B4 (chooses among plausible code solutions using plausible, unreliable LLM-generated tests, via a Bayesian optimal selection strategy).",
    [('p-0742edee8e', "We then consider the risk of these noisy labels, and propose a Noisy-label Robust BPO (NBPO)"),
     ('p-cda51ee9d1', "the noise model is either Massart or adversarial (agnostic)"),
     ('p-6e63d02711', "This motivates us to filter the samples whose rewards may be unreliable to improve signal-to-noise ratio during policy learning"),
     ('p-93cc24adcc', "when both code solutions and test cases are plausible and not reliable, selecting the best solution becomes challenging")],
    [],
    also=['p-5ae47bb5a6', 'p-be3f640995', 'p-b3131fbfff', 'p-aadfc3276a', 'p-53ef3f9065', 'p-b464582e92'])

add('q-y23', 'multi-paper',
    "Is there research where a model looks back over its own output and revises it, e.g. self-reflection, self-correction or iterative self-refinement?",
    "VL-Rethinker (Forced Rethinking appends a rethinking trigger to rollouts during RL training to enforce a self-reflection step in vision-language models); SRPO (casts preference learning as self-improvement: a self-improvement policy revises the generative policy's outputs, e.g. evaluated after 5 self-revisions); LLMOPT (uses model alignment and a self-correction mechanism to prevent hallucinations when formulating and solving optimization problems); CodeTree (LLM agents generate and then refine code solutions in a tree search guided by execution feedback and LLM-generated feedback).",
    [('p-2c4416da0d', "we introduce Forced Rethinking, which appends a textual rethinking trigger to the end of initial rollouts in RL training, explicitly enforcing a self-reflection reasoning step"),
     ('p-b5d01a38a2', "The key idea of SRPO is to cast the problem of learning from human preferences as a self-improvement process"),
     ('p-c72699366e', "the model alignment and self-correction mechanism are adopted in LLMOPT"),
     ('p-75338698a1', "we adopted a unified tree structure to explicitly explore different coding strategies, generate corresponding coding solutions, and subsequently refine the solutions")],
    [],
    also=['p-8c626190e9', 'p-40223ceb5f', 'p-441f14177d', 'p-0eb66d6c67'])

add('q-y24', 'multi-paper',
    "Which papers examine how the makeup of the training data (cleaning, deduplication, mixing sources, or the choice of fine-tuning datasets) shapes the resulting model?",
    "OpenCoder (identifies data cleaning heuristics, deduplication, recall of code-related text and high-quality synthetic data as key ingredients, and releases its data processing pipeline); CodeGen2 (studies the effect of a mixture of programming and natural languages on model performance); How Far Can Camels Go? / Tulu (compares instruction tuning on 12 open datasets and finds that different datasets uncover or enhance specific skills, with no single dataset or combination best everywhere).",
    [('p-29c5c92ebd', "code optimized heuristic rules for data cleaning and methods for data deduplication"),
     ('p-ab5a19757c', "For data distributions, the effect of a mixture distribution of programming and natural languages on model performance is explored"),
     ('p-b0e2206ad6', "Our experiments show that different instruction-tuning datasets can uncover or enhance specific skills, while no single dataset (or combination) provides the best performance across all evaluations")],
    [],
    also=['p-5cf51f937b', 'p-52f17ba0be', 'p-b464582e92'])

add('q-y25', 'multi-paper',
    "Is quantization used or studied anywhere in the collection?",
    "EoRA (training-free low-rank compensation for compressed LLMs; it can be combined with quantization, e.g. for LLaMA3-8B quantized to 4-bit); the deformable-convolution algorithm-hardware co-design (quantizes its object detection network with state-of-the-art quantization methods before running it on an FPGA).",
    [('p-ff86aa925d', "EoRA can be seamlessly integrated with fine-tuning and quantization to further improve effectiveness and efficiency"),
     ('p-9eb281c009', "quantize the network using state-of-the-art quantization methods")],
    [],
    also=['p-85424372f7', 'p-02316a73d6'])

# ---------------- unanswerable ----------------
add('q-y26', 'unanswerable',
    "What average success rate do the reinforcement-learning baselines reach across ManiSkill2's manipulation task families?",
    "not in corpus", [], [], cited=[], distr=['p-31e0879641'])
add('q-y27', 'unanswerable',
    "Is there work on detecting fake news or misinformation, e.g. automated fact-checking of claims spread on social media?",
    "not in corpus", [], [], cited=[])
add('q-y28', 'unanswerable',
    "What score did the original Go-Explore algorithm of Ecoffet et al. reach on Montezuma's Revenge?",
    "not in corpus", [], [], cited=[], distr=['p-1e9b14872e'])
add('q-y29', 'unanswerable',
    "How many workloads does the AlgoPerf benchmark contain, and which GPU model is its fixed hardware?",
    "not in corpus", [], [], cited=[], distr=['p-37bb688224'])
add('q-y30', 'unanswerable',
    "How many validation runs does Model Breadcrumbs need per newly added task to tune its sparsification thresholds?",
    "not in corpus", [], [], cited=[], distr=['p-5e66fae3bf'])

assert len(R) == 30
with open(OUT, 'w') as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('wrote', OUT, len(R))
