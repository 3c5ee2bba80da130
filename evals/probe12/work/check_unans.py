"""Searches all 160 titles+abstracts for anything that could answer the unanswerable questions q-j26..q-j30."""
import os, subprocess, sys
WORK = os.path.dirname(os.path.abspath(__file__))
checks = {
 'q-j26 CodeTree resolve rate on SWE-bench': ['SWE-?bench', r'resolv(e|ed) rate', r'CodeTree', r'GitHub issues?'],
 'q-j27 sign language recognition / translation': ['sign language', 'gesture', r'\bdeaf', r'\bhand[- ]?(pose|shape|sign)', 'ASL'],
 'q-j28 original Adam paper (Kingma & Ba): default beta2': ['Kingma', r'\bbeta_?2\b', r'0\.999', r'0\.9\b', r'decay rate', r'second[- ]moment'],
 'q-j29 Grokking Tickets: pruning rate that allows grokking without weight decay': ['pruning rate', 'weight decay', r'grok', r'sparsity (level|ratio)'],
 'q-j30 Lion optimizer memory vs Adam (false premise: two moments + sign buffer)': [r'\bLion\b', r'memory[- ]efficient', r'second[- ]moment', r'keeps? track', r'optimizer state'],
}
for name, pats in checks.items():
    print('=' * 20, name)
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(WORK, 'grep.py')] + pats)
