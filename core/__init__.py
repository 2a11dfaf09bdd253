"""The domain: tasks, agents, tools, verifier, runner, exports. Never imports Textual."""
