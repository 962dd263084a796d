import fc from 'fast-check';

/** Mutation runs need the same property inputs for every mutant, or a mutant's verdict would depend on chance. */
fc.configureGlobal({ seed: 20261122 });
