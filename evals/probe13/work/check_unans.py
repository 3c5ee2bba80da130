"""Searches all 160 titles+abstracts for anything that could answer the unanswerable questions q-g26..q-g30."""
import os, subprocess, sys
WORK = os.path.dirname(os.path.abspath(__file__))
checks = {
 'q-g26 MIGE: CLIP-I / DINO scores for subject-driven generation on DreamBench': [r'\bMIGE\b', 'DreamBench', r'\bDINO\b', 'CLIP-I', 'subject-driven'],
 'q-g27 anomaly / outlier / fraud / defect detection': [r'anomal', r'outlier', r'fraud', r'defect', r'novelty detection', r'intrusion', r'out-of-distribution detection'],
 'q-g28 original DDPM paper (Ho et al.): number of diffusion steps T': [r'\bDDPM\b', r'Ho et al', r'denoising diffusion probabilistic', r'\bT ?= ?\d', r'1,?000 (steps|time ?steps)', r'time ?steps'],
 'q-g29 VideoReward: number of pairwise annotations in the human preference dataset': [r'pairwise annotation', r'preference dataset', r'VideoReward', r'\b\d[\d,.]*\s?[kKM]? (pairs|annotations|videos|prompts)\b'],
 'q-g30 PyGlove: couples search algorithm and search space (false premise)': [r'PyGlove', r'coupling', r'decoupl', r'search space'],
}
for name, pats in checks.items():
    print('=' * 20, name)
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(WORK, 'grep.py')] + pats)
