//! The two workloads the engine's criterion benchmark times, shared with the output dump test
//! that varies them, so both always describe the same answers.

/// Every question answered, with buckets where a question has them.
pub const BUCKETS: &str =
    "duration=days&coordination=central&services=few&sync=async&rate=100-2000\
&load_shape=daily-peaks&fanout=hundreds&payload=small&repeat_safe=some-exactly-once&audit=required\
&ordering=not-needed&replay=not-needed&waits=human&idle=mostly-waiting&definition=code\
&languages=java&languages=python&containers=yes&step_length=under-15m&region=eu-west-1\
&trigger=api-gateway&growth=stable&free_tier=exclude&cost=ignore";

/// The same workload in figures, with cost inputs and cost weighed.
pub const FIGURES: &str = "duration=36h&coordination=central&services=few&sync=async&rate=450\
&load_shape=daily-peaks&steps=12&fanout=200&payload=40&repeat_safe=some-exactly-once&audit=required\
&ordering=not-needed&replay=not-needed&waits=human&idle=mostly-waiting&definition=code\
&languages=java&languages=python&containers=yes&step_length=under-15m&region=eu-west-1\
&trigger=api-gateway&growth=stable&memory_mb=512&step_ms=200&consumers=3&free_tier=exclude&cost=matters";
