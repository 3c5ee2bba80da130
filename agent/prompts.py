"""Prompts live as files in `prompts/`; their content hash is the prompt version (part of every cache key)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from .errors import AgentError
from .settings import resource_dir

PROMPT_DIR = resource_dir("prompts")


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    @property
    def version(self) -> str:
        return hashlib.sha1((self.system + "\0" + self.user).encode()).hexdigest()[:12]

    def messages(self, **values: str) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system},
                {"role": "user", "content": self.user.format(**values)}]


@cache
def load(name: str) -> Prompt:
    """A prompt file has a system part and a user template, split by a line `---user---`."""
    path = PROMPT_DIR / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise AgentError(f"prompt file missing: {path}") from e
    system, sep, user = text.partition("\n---user---\n")
    if not sep:
        raise AgentError(f"{path}: no '---user---' line separating system and user parts")
    return Prompt(name, system.strip(), user.strip())
