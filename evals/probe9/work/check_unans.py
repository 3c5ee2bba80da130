"""Searches all 160 titles+abstracts for anything that could answer the unanswerable questions q-y26..q-y30."""
import os, subprocess, sys
WORK = os.path.dirname(os.path.abspath(__file__))
checks = {
 'q-y26 ManiSkill2 baseline success rates': ['ManiSkill', 'SAPIEN', 'success rate', r'\bPPO\b[^.]{0,80}manipulat', 'manipulation[^.]{0,80}\d+(\.\d+)?%'],
 'q-y27 fake news / misinformation': ['misinform', 'disinform', 'fake', 'fact-check', 'fact check', r'rumou?r', 'social media', 'twitter', 'news', 'propaganda', 'hate speech', 'credib'],
 'q-y28 original Go-Explore on Montezuma': ['Montezuma', 'Ecoffet', 'Go-Explore', 'Atari', 'Pitfall'],
 'q-y29 AlgoPerf workload count / GPU type': ['AlgoPerf', 'workload', r'\bV100\b|\bA100\b|\bH100\b|\bTPU', 'fixed hardware'],
 'q-y30 Model Breadcrumbs per-task tuning': ['Breadcrumbs', r'hyper-?parameter tuning for each', 'validation run', 'sparsification'],
}
for name, pats in checks.items():
    print('=' * 20, name)
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(WORK, 'grep.py')] + pats)
