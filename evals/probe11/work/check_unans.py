"""Searches all 160 titles+abstracts for anything that could answer the unanswerable questions q-k26..q-k30."""
import os, subprocess, sys
WORK = os.path.dirname(os.path.abspath(__file__))
checks = {
 'q-k26 ST-ProtoPNet top-1 accuracy on CUB-200-2011': ['CUB', r'Stanford (Cars|Dogs)', 'ProtoP', r'prototyp', r'top-?1'],
 'q-k27 decoding EEG / brain signals': ['EEG', r'\bbrain', 'fMRI', 'electroenceph', r'neural (signal|recording|activit)', 'neuroscien', 'cortex', r'\bBCI\b'],
 'q-k28 original PPO paper (Schulman et al.): clipping epsilon': [r'\bPPO\b', 'Schulman', r'\bclip(ping|ped)?\b', r'\b0\.2\b', 'proximal policy'],
 'q-k29 base LLM of the MMOA-RAG agents': ['MMOA', r'Llama|LLaMA|Qwen|Mistral|GPT-|Gemma|Claude|Vicuna', 'backbone', r'retrieval-augmented|\bRAG\b'],
 'q-k30 RPO: text-encoder training steps per subject': ['text encoder', 'text embedding', 'DreamBooth', 'U-Net', 'gradient steps', 'subject-driven'],
}
for name, pats in checks.items():
    print('=' * 20, name)
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(WORK, 'grep.py')] + pats)
