"""Training the models the pipeline ships, reproducibly, from files in the repository or the
shared real-data folder (read in place, never copied): ``resume-etl train`` / ``make train``."""
