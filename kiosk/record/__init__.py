"""What visitors looked at: the visitor log and its statistics (no Qt)."""
