"""Synthetic reply archives for tests and benchmarks (`replysite generate`)."""

from .generator import GenerateError, GenerateSummary, generate

__all__ = ["GenerateError", "GenerateSummary", "generate"]
