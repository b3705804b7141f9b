//! The on-disk shape of gazetteer files (`data/actors.ron`, `data/people.ron`, and
//! user dictionaries in the same schema).
//!
//! These types mirror the RON text one to one so that a file reads the way it is
//! written; validation and indexing happen in [`super::Gazetteer`], which turns them
//! into the flat, interned actor table the rest of the pipeline uses.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One gazetteer file. Every section may be omitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFile {
    #[serde(default)]
    pub countries: Vec<CountryEntry>,
    #[serde(default)]
    pub organizations: Vec<OrganizationEntry>,
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    #[serde(default)]
    pub bodies: Vec<BodyEntry>,
    #[serde(default)]
    pub people: Vec<PersonEntry>,
}

/// A sovereign state or a territory that news treats as one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-3 (`RUS`), or a user-assigned upper-case code for territories
    /// without one.
    pub id: String,
    /// Canonical display name ("Russia", not "the Russian Federation").
    pub name: String,
    /// Other names of the state itself ("Russian Federation", "U.S.", "America").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives that make a noun phrase belong to the state ("Russian officials").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Nouns for its people, plural included ("Russians"); they stand for the state.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capital cities, used as metonyms ("Moscow said").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Seats of government used as metonyms ("the Kremlin", "Downing Street").
    #[serde(default)]
    pub seats: Vec<String>,
}

/// An international organization (UN, NATO, EU, …).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationEntry {
    /// Usual acronym, upper case (`NATO`).
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// "NATO forces", "European" is *not* here: only adjectives that unambiguously
    /// name the organization.
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Seats used as metonyms ("Brussels" is deliberately not one: it is also Belgium's
    /// capital).
    #[serde(default)]
    pub seats: Vec<String>,
    /// Country ids of members, where the organization is an alliance or bloc.
    #[serde(default)]
    pub members: Vec<String>,
    /// The country a national organization (a party, a company) belongs to.
    #[serde(default)]
    pub country: Option<String>,
}

/// A group actor: "the West", "Western allies", or a national group ("Iraqi insurgents").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// A slug, prefixed by the country id for national groups (`IRQ/insurgents`).
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// A named institution of a state or organization: a ministry, agency, office, council.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BodyEntry {
    /// `OWNER/slug` (`USA/state_department`, `UN/security_council`).
    pub id: String,
    pub name: String,
    /// The country or organization the body belongs to.
    pub owner: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// CAMEO-style sector code (`GOV`, `MIL`, `COP`, `SPY`, …), where known.
    #[serde(default)]
    pub sector: Option<String>,
}

/// A person: office holders with dated roles.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Lower-case ASCII slug of the canonical name (`antony_blinken`).
    pub id: String,
    pub name: String,
    /// Full-name variants, transliterations and the short forms news uses ("Putin").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country (or organization) the person acts for when no role covers a date.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
}

/// One office held over a period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub office: Office,
    /// How news names the office for this holder ("president", "chancellor",
    /// "secretary of state").
    pub title: String,
    /// The country or organization of the office.
    pub of: String,
    pub from: NaiveDate,
    /// `None` while the person still holds the office.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// The kind of an office, so that "his French counterpart" or "Russia's foreign
/// minister" can be resolved whatever a country calls the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Office {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    /// Head of an international organization (NATO Secretary General, UN
    /// Secretary-General, EU High Representative, Commission President).
    OrganizationLeader,
    /// Any other post worth recording (deputy foreign minister, spokesperson, envoy).
    Other,
}
