"""Benchmarks for resume-etl: a deterministic corpus generator and the throughput benchmark."""
