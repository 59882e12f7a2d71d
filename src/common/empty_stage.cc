// Placeholder translation unit for a pipeline stage that has no code yet.
