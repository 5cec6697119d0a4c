"""Building blocks shared by the four fakes: domain errors, schemas, clock, web assembly."""
