"""Synthetic clinic share generator (see tools/generate_share.py)."""
