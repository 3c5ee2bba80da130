"""The topic check of "which papers / any papers on X" questions (agent/topics.py). The texts are SYNTHETIC
sentences written for the test; every word weighs the same (idf 1) unless a test says otherwise."""

import pytest

from agent.topics import Topic, asks_for_papers, spelled_out, topic_words


def share(question: str, text: str, idf: dict[str, float] | None = None) -> float:
    return Topic(question, lambda w: (idf or {}).get(w, 1.0), 4).share(text)


def named(question: str, text: str) -> bool:
    return Topic(question, lambda w: 1.0, 4).named_by(text)


def test_the_frame_of_asking_for_papers_is_not_the_topic() -> None:
    assert topic_words("Which papers deal with recommender systems?") == ["recommender", "systems"]
    assert topic_words("Any new work on speculative decoding?") == ["speculative", "decoding"]
    assert topic_words("Is there a paper that discusses federated learning?") == ["federated", "learning"]
    assert topic_words("Which papers rely on variance reduction in their algorithms?") == ["variance", "reduction",
                                                                                           "algorithms"]
    # two verbs joined are both the frame ("analyse" is no word of the topic), in any form of asking for papers
    assert topic_words("List the papers that use or analyse Gaussian mixture models.") == ["gaussian", "mixture",
                                                                                          "models"]
    assert topic_words("Which papers study or benchmark speculative decoding?") == ["speculative", "decoding"]
    assert topic_words("Which papers study RL or GNNs?") == ["rl", "gnns"]  # after the verb's object: the topic
    # a verb of trying before the verb is the frame too: "reduce" and "prevent" are no alternatives of the topic
    assert topic_words("Which papers try to reduce or prevent LLM hallucinations?") == ["llm", "hallucinations"]
    assert topic_words("Which papers aim to improve speculative decoding?") == ["speculative", "decoding"]


@pytest.mark.parametrize(("question", "checked"), [
    ("Which papers use graph neural networks?", True),
    ("Any papers on RLHF?", True),
    ("Which papers propose new algorithms?", False),  # generic words alone name no field
    ("Which papers use evolutionary algorithms as their search engine to discover models or functions?", False),
    # a purpose in the user's words (a verb in -ing with its object) makes it a description, not a term ...
    ("Which papers propose new optimizers for training deep networks?", False),
    # ... while a field named after "for" is a term a paper about it uses
    ("Any work on federated learning for medical imaging?", True),
    # the verb the papers are asked about is the frame, whatever it is: the topic is "variance reduction"
    ("Which papers rely on variance reduction?", True),
    # a topic put as a clause (a wh-word inside, a modal in the passive) is the user's description
    ("Which papers are about how learning rates should be set?", False),
    ("Any work on why transformers generalize?", False),
    ("Which papers use robotic manipulation?", True),
])
def test_only_a_topic_named_in_a_few_words_is_checked(question: str, checked: bool) -> None:
    assert Topic(question, lambda w: 1.0, 4).checkable is checked


def test_a_paper_names_the_topic_when_it_names_every_term_in_full() -> None:
    q = "Which papers use graph neural networks?"
    assert named(q, "We train a graph neural network (GNN) model.")
    assert named(q, "Our GNN divides the instance.")
    assert not named(q, "Neural networks are trained; the communication graph is sparse.")
    assert named("Which papers deal with recommender systems?", "A sampler for recommender training.")  # generic end
    assert not named("Any work on knowledge graphs?", "Graphs of molecules need knowledge.")
    # two terms: both, in one paper
    q = "Which papers apply graph neural networks to drug discovery?"
    assert not named(q, "We benchmark graph neural networks.")
    assert named(q, "Graph neural networks speed up drug discovery.")
    assert not named("Any work on autonomous driving?", "Autonomous agents; a metric driving the design.")
    # a derivation of the same word names it ("robotic" for "robot", "robotics" for "robotic")
    assert named("Which papers use robot manipulation?", "We study robotic manipulation.")
    assert named("Any work on robotic grasping?", "Robotics grasping benchmarks.")
    assert not named("Any work on logic programming?", "Log programming.")  # a stem under 4 letters stays whole


def test_a_two_word_term_may_stand_the_other_way_round_after_a_preposition() -> None:
    q = "Which papers try to reduce or prevent LLM hallucinations?"
    assert named(q, "To prevent hallucinations in LLMs, we ground the solver.")
    assert named(q, "We measure the hallucinations of the LLM.")
    assert not named(q, "Hallucinations are common; LLMs are large.")  # apart, not one compound
    assert not named(q, "We reduce the cost of training.")  # the frame's verbs name nothing
    # only two-word terms: a longer one turned round is another phrase
    assert not named("Which papers use graph neural networks?", "Networks of neural graphs.")


def test_a_term_counts_only_where_its_words_stand_together() -> None:
    q = "Which papers use graph neural networks?"
    assert share(q, "We train graph neural networks on molecules.") == 1.0
    assert share(q, "We train a graph neural network (GNN) model.") == 1.0  # plural and singular, a word between
    # "graph" and "neural networks" apart: the longest part named as a term counts, two of three words
    assert share(q, "Neural networks are trained; the communication graph is sparse.") == pytest.approx(2 / 3)
    assert share(q, "We study convex optimisation.") == 0.0


def test_rarer_words_weigh_more() -> None:
    idf = {"recommender": 3.0, "systems": 1.0}
    assert share("Which papers deal with recommender systems?", "A sampler for recommender training.", idf) == 0.75


def test_acronyms_either_way() -> None:
    assert share("Which papers use RLHF?", "We align models by reinforcement learning from human feedback.") == 1.0
    assert share("Which papers use LoRA?", "Low-rank adaptation of transformers is studied.") == 1.0
    assert share("Any papers on graph neural networks?", "Our GNN divides the instance.") == 1.0
    assert share("Any papers on mixture-of-experts models?", "We scale MoE models.") == 1.0
    assert share("Which papers use RLHF?", "We use reinforcement learning.") == 0.0


def test_either_alternative_of_an_or_is_the_topic() -> None:
    q = "Any work on self-driving cars or autonomous vehicles?"
    assert share(q, "A planner for autonomous vehicles.") == 1.0
    assert share(q, "Autonomous agents drive the search.") < 0.6


def test_questions_that_ask_which_papers_exist() -> None:
    assert asks_for_papers("Is there a paper on machine unlearning?")
    assert asks_for_papers("Any work on knowledge graphs?")
    assert asks_for_papers("Are there studies using LoRA?")
    assert not asks_for_papers("What accuracy does the model reach?")
    assert not asks_for_papers("Any accuracy numbers for STEER?")  # a quantity asked, not papers


def test_an_acronym_is_spelled_by_the_starts_of_words_not_by_any_initials() -> None:
    assert not named("Which papers use LoRA?", "Multi-agent reinforcement learning retrieval-augmented generation.")
    assert not named("Any work on autonomous driving?", "Trace is the new AutoDiff.")  # "Diff" does not start "driving"
    assert named("Which papers involve mixture-of-experts models?", "Mixture of Experts layers are sparse.")


def test_an_acronym_is_spelled_out_by_the_words_its_abstract_defines_it_by() -> None:
    abstract = ("Large Language Models (LLMs) need tuning. We fit the Sinkhorn-Newton-Sparse (SNS) scheme and "
                "reinforcement learning from human feedback (RLHF). We train 3,700 LLMs. GPU (graphics) time is long.")
    assert spelled_out("We train 3,700 LLMs.", abstract) == "Large Language Models"
    assert spelled_out("An LLM with SNS and RLHF.", abstract) == ("Large Language Models Sinkhorn Newton Sparse "
                                                                  "reinforcement learning from human feedback")
    assert spelled_out("It takes GPU time.", abstract) == ""  # brackets that do not spell it define nothing
    assert spelled_out("We train 3,700 models.", abstract) == ""


def test_a_title_naming_the_rarest_word_of_each_term_marks_a_paper_to_judge() -> None:
    idf = {"neural": 1.0, "network": 1.0, "pruning": 4.0, "knowledge": 3.0, "graphs": 2.5}
    topic = Topic("Which papers study neural network pruning?", lambda w: idf.get(w, 1.0), 4)
    assert topic.titled_by("Advancing Model Pruning via Bi-level Optimization")
    assert not topic.named_by("Advancing Model Pruning via Bi-level Optimization")  # not the term itself
    assert not topic.titled_by("Neural Network Training at Scale")  # the common words alone
    # every term of the topic: the rarest word of one is not enough
    two = Topic("Any work on knowledge graphs for neural network pruning?", lambda w: idf.get(w, 1.0), 4)
    assert not two.titled_by("Advancing Model Pruning") and two.titled_by("Knowledge Graph Pruning")
