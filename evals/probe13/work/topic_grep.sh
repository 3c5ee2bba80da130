#!/bin/sh
# Regex searches used to find every candidate paper for the list questions q-g19..q-g25 (run from this folder).
cd "$(dirname "$0")"
echo "=== q-g19 batch size";                             python3 grep.py 'batch size' 'large[- ]batch' 'batch regime' 'mini-?batch'
echo "=== q-g20 changing the decoding procedure";        python3 grep.py 'decod' 'speculative' 'draft token' 'beam search' 'top-p' 'sampling temperature|temperature'
echo "=== q-g21 weight decay / early stopping / regularization"; python3 grep.py 'weight decay' 'early stopping' 'regulari[sz]' 'L2 (norm|penalty)'
echo "=== q-g22 speech recognition / audio";             python3 grep.py 'speech' 'audio' '\bASR\b' 'spoken' 'acoustic' 'voice'
echo "=== q-g23 hallucination";                          python3 grep.py 'hallucinat' 'fabricat' 'faithful' 'factual (error|consisten)'
echo "=== q-g24 image / video quality assessment";       python3 grep.py 'quality assess' 'IQA' 'video quality' 'image quality' 'perceptual quality' 'aesthetic' 'human judgment'
echo "=== q-g25 PageRank";                               python3 grep.py 'PageRank' 'ranking score' 'Personali[sz]ed Ranking'
