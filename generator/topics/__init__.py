"""One topic of the data per module (freshness, hours, questions, ...): its rules for every stage."""
