"""A tiny Qwen3-architecture model with a BPE tokenizer trained on the dataset itself, built
locally in seconds: for offline demos and tests. It uses TRL's Qwen3 chat template, so the same
assistant-only loss masking applies as with a real Qwen3 checkpoint."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>",
                  "<tool_response>", "</tool_response>", "<think>", "</think>"]


def _texts(data: Path) -> Iterator[str]:
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for m in row["messages"]:
                if m.get("content"):
                    yield str(m["content"])
                for call in m.get("tool_calls") or []:
                    yield json.dumps(call, ensure_ascii=False)
            yield json.dumps(row.get("tools", []), ensure_ascii=False)


def build_tiny_model(data: Path | str, out: Path | str, *, vocab_size: int = 2048, hidden: int = 64,
                     layers: int = 2, seed: int = 0) -> Path:
    """Write a tokenizer + randomly initialised Qwen3ForCausalLM to `out`; returns `out`."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen3Config, Qwen3ForCausalLM
    from trl.chat_template_utils import qwen3_chat_template

    data, out = Path(data), Path(out)
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(_texts(data), trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    tokenizer.chat_template = qwen3_chat_template
    torch.manual_seed(seed)
    config = Qwen3Config(vocab_size=len(tokenizer), hidden_size=hidden, intermediate_size=hidden * 2,
                         num_hidden_layers=layers, num_attention_heads=4, num_key_value_heads=2, head_dim=hidden // 4,
                         max_position_embeddings=8192, tie_word_embeddings=True,
                         eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    model = Qwen3ForCausalLM(config)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
