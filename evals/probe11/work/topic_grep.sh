#!/bin/sh
# Regex searches used to find every candidate paper for the list questions q-k19..q-k25 (run from this folder).
cd "$(dirname "$0")"
echo "=== q-k19 training-free methods";             python3 grep.py 'training-free' 'without (any )?(further |additional |extra )?(re)?training' 'no (re)?training' 'without requiring (re)?training' 'without the necessity' 'without modifying' 'additional training' 'extra training' 'inference[- ]time' 'at inference' 'online algorithm' 'frozen'
echo "=== q-k20 caching / reusing computed results"; python3 grep.py 'cach' 'reus' 're-?evaluat' 'reprocess' 'precomput' 'memoiz' 'index' 'hash' 'equivalen'
echo "=== q-k21 calibration of confidence scores";  python3 grep.py 'calibrat' 'uncertaint' 'confidence' 'overconfiden'
echo "=== q-k22 min-max / adversarial / equilibria"; python3 grep.py 'min-?max' 'minimax' 'equilibri' 'game-theor' 'Nash' 'saddle' 'adversarial' '\bGANs?\b' 'zero-sum'
echo "=== q-k23 special-purpose programming languages"; python3 grep.py 'programming language' 'probabilistic programming' 'symbolic programming' 'RASP' 'domain-specific language' '\bDSL' 'pseudo-code' 'Python (class|program|interface|library)' 'query language'
echo "=== q-k24 information extraction";           python3 grep.py 'extract' 'information extraction' 'named entit' 'relation extraction' 'metadata' '\bpars(e|ing)\b' '\bOCR\b'
echo "=== q-k25 measuring robustness to input variations"; python3 grep.py 'robust' 'perturb' 'stability score' 'sensitiv' 'brittle' 'reasoning gap'
