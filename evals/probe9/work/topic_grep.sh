#!/bin/sh
# Regex searches used to find every candidate paper for the list questions (run from this folder).
cd "$(dirname "$0")"
echo "=== q-y19 scaling laws";        python3 grep.py 'scaling law' 'power[- ]law' 'neural scaling' 'predictable scale' '\bscal(e|es|ing)\b[^.]{0,40}\b(model size|parameters|data|compute)' '(model size|compute budget)[^.]{0,60}(scal|grow|increas)' 'larger models'
echo "=== q-y20 knowledge distillation"; python3 grep.py 'distill' 'teacher' 'student'
echo "=== q-y21 exploration";         python3 grep.py 'explor' 'Thompson' 'optimism' 'curiosity' 'novelty'
echo "=== q-y22 unreliable supervision"; python3 grep.py 'nois' 'mislabel' 'unreliab' 'not reliable' 'label flip' 'plausible' 'inaccura' 'hack' 'spurious'
echo "=== q-y23 self-correction";     python3 grep.py 'reflect' 'self-correct' 'self-refin' 'self-improv' 'self-verif' 'self-test' 'refine' 'revis' 'debug' 'critique' 'correct errors'
echo "=== q-y24 training-data makeup"; python3 grep.py 'curat' 'dedup' 'data clean' 'data (mixture|mix|selection|composition|sources|quality)' 'mixture distribution' 'instruction(-tuning)? datasets' 'synthetic data' 'verified dataset'
echo "=== q-y25 quantization";        python3 grep.py 'quantiz' 'low-precision' 'limited[- ]precision' '4-bit' '8-bit' 'int8' 'binar'
