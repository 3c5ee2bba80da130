#!/bin/sh
# Regex searches used to find every candidate paper for the list questions q-r19..q-r25 (run from this folder).
cd "$(dirname "$0")"
echo "=== q-r19 Elo-style rating of models";   python3 grep.py '\bElo\b' 'rating' 'leaderboard' 'arena' 'rank(s|ed|ing)? (the )?models' 'Bradley' 'pairwise compar' 'TrueSkill' 'ranking of top'
echo "=== q-r20 permutation symmetry";         python3 grep.py 'permut' 'symmetr' 'weight matching' 'mode connectivity' 'align(ing|ment)? (the )?(neurons|units|nodes)' 'match(es|ing)? nodes'
echo "=== q-r21 challenges / competitions";    python3 grep.py 'challenge (on|track)' 'challenges of' 'online challenge' 'competition' 'participants' 'winning solution' 'ranks 1st' 'first place' 'winner' 'submissions'
echo "=== q-r22 user studies / human eval";    python3 grep.py 'user stud' 'human evaluat' 'human annotat' 'annotator' 'human judg' 'crowdsourc' 'expert raters' 'human rater' 'participants' 'human developers' 'preferred'
echo "=== q-r23 compositionality";             python3 grep.py 'compos' 'binding' 'combinations of' 'object-modifier' 'attribute'
echo "=== q-r24 Gaussian mixture models";      python3 grep.py 'Gaussian' 'mixture model' '\bGMM' '\bEM algorithm' 'expectation[- ]maximi'
echo "=== q-r25 security / regulation";        python3 grep.py 'secur' 'privacy' 'regulat' 'complian' 'GDPR' 'backdoor' 'attack' 'poison' 'adversarial robust' 'malicious' 'safety'
