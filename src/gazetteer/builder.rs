//! Building the actor table in layers: the built-in files are one layer, each user
//! dictionary another, later layers over earlier ones.
//!
//! Every format's loader (RON, CSV, CAMEO) speaks to this one [`Builder`], so that the
//! rules of a layer hold whatever the format: an id defined twice in one layer is a
//! problem, an id (or a name and country) met again in a later layer is the same actor
//! and the later entry wins where they conflict; names merge; every actor and every
//! name keeps the file and line it came from. Problems are collected, never thrown, so
//! that a dirty line costs that line alone; the caller decides whether any problem is
//! fatal (the built-in data, `--strict`).

use super::{Actor, ActorId, ActorKind, Agent, Gazetteer, Name, NameKind, Origin};
use crate::datafile::DataError;
use rustc_hash::{FxHashMap, FxHashSet};

/// A gazetteer under construction.
pub(crate) struct Builder {
    pub g: Gazetteer,
    layer: u32,
    /// Per actor: the layer that last defined it (a duplicate in the same layer is a
    /// problem, in a later one a merge).
    defined_in: Vec<u32>,
    /// Per name of `g.names`: its layer, so that later layers' names win.
    name_layer: Vec<u32>,
    seen: FxHashSet<(String, ActorId)>,
    /// Lower-cased name → actors, for matching by name and country.
    by_name: FxHashMap<String, Vec<ActorId>>,
    agent_layer: Vec<u32>,
    pub problems: Vec<DataError>,
}

/// What [`Builder::define`] did with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Defined {
    New(ActorId),
    /// The id exists from an earlier layer: the entry updates that actor.
    Merged(ActorId),
}

impl Defined {
    pub fn id(self) -> ActorId {
        match self {
            Defined::New(id) | Defined::Merged(id) => id,
        }
    }
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            g: Gazetteer::default(),
            layer: 0,
            defined_in: Vec::new(),
            name_layer: Vec::new(),
            seen: FxHashSet::default(),
            by_name: FxHashMap::default(),
            agent_layer: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Start the next layer: what follows wins over what came before.
    pub fn next_layer(&mut self) {
        self.layer += 1;
    }

    pub fn problem(&mut self, origin: &Origin, problem: impl Into<String>) {
        self.problems
            .push(DataError::new(&origin.file, origin.line, problem));
    }

    /// Whether `id` was defined by the current layer (a second definition is a
    /// duplicate, not a merge).
    pub fn in_this_layer(&self, id: ActorId) -> bool {
        self.defined_in[id.0 as usize] == self.layer
    }

    /// Define the actor `key`, or update the one an earlier layer defined under that
    /// key (the later entry's name and kind win). `None` after reporting a problem.
    pub fn define(
        &mut self,
        key: &str,
        name: &str,
        kind: ActorKind,
        origin: Origin,
    ) -> Option<Defined> {
        if key.trim().is_empty() {
            self.problem(&origin, "empty id");
            return None;
        }
        if let Some(&id) = self.g.by_key.get(key) {
            if self.in_this_layer(id) {
                let problem = format!(
                    "duplicate id {key:?}: already defined at {}",
                    self.g.actors[id.0 as usize].origin
                );
                self.problem(&origin, problem);
                return None;
            }
            self.defined_in[id.0 as usize] = self.layer;
            let a = &mut self.g.actors[id.0 as usize];
            a.name = name.into();
            a.kind = kind;
            a.origin = origin;
            return Some(Defined::Merged(id));
        }
        let id = ActorId(self.g.actors.len() as u32);
        self.g.by_key.insert(key.to_string(), id);
        self.g.actors.push(Actor {
            key: key.into(),
            name: name.into(),
            kind,
            country: None,
            roles: Vec::new(),
            sector: None,
            origin,
        });
        self.defined_in.push(self.layer);
        Some(Defined::New(id))
    }

    /// A key not yet taken, from `base` (`krell_vantos`, `krell_vantos_2`, …): two
    /// different actors of one name in one dictionary stay two actors.
    pub fn free_key(&self, base: &str) -> String {
        if !self.g.by_key.contains_key(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}_{n}"))
            .find(|k| !self.g.by_key.contains_key(k))
            .unwrap_or_else(|| base.to_string())
    }

    /// The actor already known by one of `names` that `fits` (same kind, same country).
    pub fn find_by_name<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
        fits: impl Fn(&Actor) -> bool,
    ) -> Option<ActorId> {
        names.into_iter().find_map(|n| {
            self.by_name
                .get(&n.to_lowercase())?
                .iter()
                .copied()
                .find(|&id| fits(&self.g.actors[id.0 as usize]))
        })
    }

    /// Whether `actor` acts for `country` at some time (its country or a role's).
    pub fn belongs_to(&self, actor: &Actor, country: Option<ActorId>) -> bool {
        actor.country == country || actor.roles.iter().any(|r| Some(r.of) == country)
    }

    /// The later layer says `id` is another real-world actor than the one an earlier
    /// layer meant (CAMEO `MDV` for an invented "Mordavia", not the Maldives): the
    /// entry wins, so the earlier layers' names of the actor are dropped, and `name`
    /// replaces its name.
    pub fn replace_identity(&mut self, id: ActorId, name: &str, origin: Origin) {
        let names = std::mem::take(&mut self.g.names);
        let layers = std::mem::take(&mut self.name_layer);
        for (n, l) in names.into_iter().zip(layers) {
            if n.actor != id || l == self.layer {
                self.g.names.push(n);
                self.name_layer.push(l);
                continue;
            }
            let lower = n.text.to_lowercase();
            self.seen.remove(&(lower.clone(), id));
            if let Some(v) = self.by_name.get_mut(&lower) {
                v.retain(|&a| a != id);
            }
        }
        let a = &mut self.g.actors[id.0 as usize];
        a.name = name.into();
        a.origin = origin;
        a.roles.clear();
        a.sector = None;
        self.defined_in[id.0 as usize] = self.layer;
    }

    /// Add a surface form. Control characters are cut out (and reported); empty forms
    /// and forms the actor already has are skipped.
    pub fn name(&mut self, actor: ActorId, text: &str, kind: NameKind, origin: &Origin) {
        let cleaned: String;
        let text = if text.chars().any(char::is_control) {
            self.problem(
                origin,
                format!("control character in name {text:?}: removed"),
            );
            cleaned = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            cleaned.as_str()
        } else {
            text
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        let lower = text.to_lowercase();
        if !self.seen.insert((lower.clone(), actor)) {
            return;
        }
        self.by_name.entry(lower).or_default().push(actor);
        self.g.names.push(Name {
            text,
            actor,
            kind,
            origin: origin.clone(),
        });
        self.name_layer.push(self.layer);
    }

    /// Add an agent noun ("police" → `COP`); a later layer's entry for a noun wins.
    pub fn agent(&mut self, noun: &str, sector: &str, origin: &Origin) {
        let noun = noun.split_whitespace().collect::<Vec<_>>().join(" ");
        if noun.is_empty() {
            return;
        }
        let key = noun.to_lowercase();
        let agent = Agent {
            noun: key.clone(),
            sector: sector.to_string(),
            origin: origin.clone(),
        };
        match self.g.agent_index.get(&key) {
            Some(&i) if self.agent_layer[i] == self.layer => {}
            Some(&i) => {
                self.g.agents[i] = agent;
                self.agent_layer[i] = self.layer;
            }
            None => {
                if let Some((first, _)) = key.split_once(' ') {
                    self.g.agent_first.insert(first.to_string());
                }
                self.g.agent_index.insert(key, self.g.agents.len());
                self.g.agents.push(agent);
                self.agent_layer.push(self.layer);
            }
        }
    }

    /// The finished gazetteer and the problems met on the way. Names of later layers
    /// come first, so that the name matcher (first claim wins) prefers the user's.
    pub fn finish(mut self) -> (Gazetteer, Vec<DataError>) {
        let mut order: Vec<usize> = (0..self.g.names.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.name_layer[i]));
        let mut names: Vec<Option<Name>> = std::mem::take(&mut self.g.names)
            .into_iter()
            .map(Some)
            .collect();
        self.g.names = order.iter().filter_map(|&i| names[i].take()).collect();
        let layers: Vec<u32> = order.iter().map(|&i| self.name_layer[i]).collect();
        self.g.check_names(&layers);
        self.g.index_holders();
        self.g.index_bodies();
        self.g.index_adjectives();
        (self.g, self.problems)
    }
}
