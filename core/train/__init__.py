"""Training on curated trajectories: SFT with TRL (loss on the assistant's turns only), a tiny
local model for offline runs and tests, and background training jobs the app can watch.
torch/transformers/trl are imported only here, and only when training is asked for."""
