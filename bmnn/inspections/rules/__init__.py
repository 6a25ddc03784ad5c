"""Pure rules of inspections: automatic checklist checks and the finding lifecycle (no Django)."""
