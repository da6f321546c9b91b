"""Relation state over time: designation, representation, recognition, agreements, stance."""
