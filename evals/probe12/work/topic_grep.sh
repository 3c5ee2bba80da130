#!/bin/sh
# Regex searches used to find every candidate paper for the list questions q-j19..q-j25 (run from this folder).
cd "$(dirname "$0")"
echo "=== q-j19 randomized algorithms";                python3 grep.py 'randomi[sz]' 'random walk' 'random (search|pruning|sampl)' 'Thompson' 'monte carlo' 'sketch'
echo "=== q-j20 reducing memory";                     python3 grep.py 'memory' 'VRAM' 'footprint' 'storage' 'out of memory'
echo "=== q-j21 editing (models, images, videos)";    python3 grep.py 'edit' 'updating the knowledge' 'locate-and-'
echo "=== q-j22 low-rank structure";                  python3 grep.py 'low-?rank' 'rank-(one|k|r)' 'factori[sz]' 'SVD' 'LoRA' 'eigen'
echo "=== q-j23 gradient-free / black-box optimization"; python3 grep.py 'derivative-free' 'gradient-free' 'black-box' 'non-?differentiable' 'zeroth' 'without (computing )?gradients' 'differentiable'
echo "=== q-j24 data augmentation";                   python3 grep.py 'augment' 'perturb(ed|ation)? (the )?(input|data|graph)' 'mixup' 'crop'
echo "=== q-j25 vision transformers";                 python3 grep.py 'vision transformer' '\bViTs?\b' 'DeiT' 'Swin' 'Mask Transformer' 'diffusion transformer'
