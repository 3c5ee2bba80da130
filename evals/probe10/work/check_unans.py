"""Searches all 160 titles+abstracts for anything that could answer the unanswerable questions q-r26..q-r30."""
import os, subprocess, sys
WORK = os.path.dirname(os.path.abspath(__file__))
checks = {
 'q-r26 NOTEARS topological swaps: SHD on 100-node graphs': ['Hamming', r'\bSHD\b', 'NOTEARS', r'100[- ]node', r'\bnodes\b[^.]{0,60}\d', 'topological'],
 'q-r27 legal NLP (court rulings, contracts)': ['legal', 'court', r'\bcontracts?\b', r'\blaw(s|yer)?\b', 'judic', 'statute', 'litigat', 'verdict'],
 'q-r28 original MEMIT paper: facts edited into GPT-J at once': ['MEMIT', 'Meng', 'GPT-J', r'10,000|10k|ten thousand', 'mass[- ]edit', r'batch[- ]size'],
 'q-r29 which LLM OptoPrime uses': ['OptoPrime', r'Trace\b', r'GPT-4|GPT-3\.5|Claude|Llama|Gemini'],
 'q-r30 Light SB GPU hours / neural networks trained': ['Schr', r'GPU[- ]hours?', 'CPU', 'several neural networks', 'simulation-free'],
}
for name, pats in checks.items():
    print('=' * 20, name)
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(WORK, 'grep.py')] + pats)
