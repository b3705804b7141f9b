//! Cities that are not capitals (`data/cities.ron`), for the places of visits: "landed
//! in Geneva" is a visit to Switzerland. A city never acts, so cities are not actors
//! of the gazetteer: they are looked up only where the text names a place.

use super::{ActorId, ActorKind, Gazetteer};
use crate::datafile::{parse_ron, DataError, FieldLocator};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

const BUILTIN: (&str, &str) = ("data/cities.ron", include_str!("../../data/cities.ron"));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CitiesFile {
    cities: Vec<CityEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CityEntry {
    name: String,
    country: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// City names (lower case, words joined by one space) and their country.
#[derive(Debug, Clone, Default)]
pub struct Places {
    by_name: FxHashMap<String, ActorId>,
    /// The most words in one name, to bound the lookup.
    longest: usize,
}

impl Places {
    /// The built-in city list, checked against the gazetteer's countries.
    pub fn builtin(gazetteer: &Gazetteer) -> Result<Places, DataError> {
        Places::parse(BUILTIN.0, BUILTIN.1, gazetteer)
    }

    /// Parse a city list. Every country must be a country of `gazetteer`; a name the
    /// gazetteer already gives an actor is left to the gazetteer.
    pub fn parse(file: &str, text: &str, gazetteer: &Gazetteer) -> Result<Places, DataError> {
        let parsed: CitiesFile = parse_ron(file, text)?;
        // The cities' names that the gazetteer also has. The gazetteer's names are
        // lower-cased only to be compared with the cities' (into one buffer when they
        // are ASCII): a set of them all cost more than reading the city list.
        let keys: FxHashSet<String> = parsed
            .cities
            .iter()
            .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases))
            .map(|name| normalize(name))
            .collect();
        let mut taken = FxHashSet::default();
        let mut ascii = String::new();
        for n in gazetteer.names() {
            let lower = if n.text.is_ascii() {
                ascii.clear();
                ascii.extend(n.text.chars().map(|c| c.to_ascii_lowercase()));
                std::borrow::Cow::Borrowed(ascii.as_str())
            } else {
                std::borrow::Cow::Owned(n.text.to_lowercase())
            };
            if let Some(key) = keys.get(lower.as_ref()) {
                taken.insert(key.as_str());
            }
        }
        let mut places = Places::default();
        let mut locate = FieldLocator::new(text);
        for city in parsed.cities {
            let line = locate.next("name", &city.name);
            let country = gazetteer
                .by_key(&city.country)
                .filter(|&c| gazetteer.actor(c).kind == ActorKind::Country)
                .ok_or_else(|| {
                    DataError::new(
                        file,
                        line,
                        format!(
                            "city {:?}: {:?} is not a country of the gazetteer",
                            city.name, city.country
                        ),
                    )
                })?;
            for name in std::iter::once(&city.name).chain(&city.aliases) {
                let key = normalize(name);
                if key.is_empty() || taken.contains(key.as_str()) {
                    continue;
                }
                places.longest = places.longest.max(key.split(' ').count());
                places.by_name.entry(key).or_insert(country);
            }
        }
        Ok(places)
    }

    /// The longest city name that starts at word `i` of a sentence's lower-cased
    /// words: its country and the index after it.
    pub fn at(&self, words: &[String], i: usize) -> Option<(ActorId, usize)> {
        let most = self.longest.min(words.len().saturating_sub(i));
        (1..=most).rev().find_map(|n| {
            let key = words[i..i + n].join(" ");
            self.by_name.get(&key).map(|&c| (c, i + n))
        })
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

/// A name as the sentence's words spell it: lower case, one space between words, the
/// full stop of "St." kept as the tokenizer keeps it.
fn normalize(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_lowercase).collect()
    }

    #[test]
    fn builtin_cities_load_and_name_their_country() {
        let g = Gazetteer::builtin().unwrap();
        let places = Places::builtin(&g).unwrap();
        assert!(places.len() > 100);
        let (c, end) = places.at(&words("landed in Geneva on"), 2).unwrap();
        assert_eq!((g.actor(c).key.as_ref(), end), ("CHE", 3));
    }

    #[test]
    fn an_unknown_country_is_an_error_naming_file_and_line() {
        let g = Gazetteer::builtin().unwrap();
        let text = "(cities: [\n  (name: \"Geneva\", country: \"CHE\"),\n  (name: \"Atlantis\", country: \"ATL\"),\n])";
        let err = Places::parse("my.ron", text, &g).unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.ron:3: city \"Atlantis\": \"ATL\" is not a country of the gazetteer"
        );
    }

    #[test]
    fn a_name_the_gazetteer_gives_an_actor_stays_the_gazetteers() {
        let g = Gazetteer::builtin().unwrap();
        let text = "(cities: [(name: \"Moscow\", country: \"USA\"), (name: \"New York\", country: \"USA\")])";
        let places = Places::parse("t.ron", text, &g).unwrap();
        assert!(places.at(&words("Moscow"), 0).is_none());
        assert!(places.at(&words("New York"), 0).is_some());
    }
}
