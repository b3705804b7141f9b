//! The graph-file loader on arbitrary text: a graph or an error, never a panic or a
//! stack overflow; a graph that loads saves to text that loads to the same graph.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whowhom::graph::Graph;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(g) = Graph::from_ron("fuzz.ron", &text) {
        let saved = g.to_ron().expect("a loaded graph serializes");
        let back = Graph::from_ron("fuzz.ron", &saved).expect("a saved graph loads");
        assert_eq!(back.to_ron().expect("serializes"), saved);
    }
});
