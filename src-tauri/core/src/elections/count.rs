//! The count of an election: a pure function from each candidate's votes to who is elected.
//!
//! Candidates are ranked by votes. Under 过半数 (a majority of those present) only a candidate
//! with more than half of those present can be elected (“过半数”不含本数, as for votes). When the
//! last seat falls between candidates with the same votes, none of them is elected and the tie
//! is stated: they go to another round for the seats left (“另行投票”), never to an order the
//! program made up.

use serde::Serialize;

use super::{ElectionError, ElectionRule};

/// What the count says: the positions (in the input) of the elected, a tie if any, the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub elected: Vec<usize>,
    /// The candidates tied for the last seats, and how many seats they tie for.
    pub tie: Option<Tie>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub candidates: Vec<usize>,
    pub seats: u32,
}

/// Counts `votes[i]` (candidate i's name and votes) for `seats` seats among `present` voters.
pub fn tally(
    names: &[String],
    votes: &[u32],
    seats: u32,
    present: u32,
    rule: ElectionRule,
) -> Result<Tally, ElectionError> {
    check(names, votes, seats, present)?;
    let mut ranked: Vec<usize> = (0..votes.len()).collect();
    ranked.sort_by(|a, b| votes[*b].cmp(&votes[*a]).then(a.cmp(b)));
    let can_win =
        |i: &usize| votes[*i] > 0 && (rule == ElectionRule::MostVotes || u64::from(votes[*i]) * 2 > u64::from(present));
    let eligible: Vec<usize> = ranked.iter().copied().filter(can_win).collect();
    let seats_n = seats as usize;
    let (elected, tie) = if eligible.len() > seats_n && votes[eligible[seats_n - 1]] == votes[eligible[seats_n]] {
        let line = votes[eligible[seats_n - 1]];
        let elected: Vec<usize> = eligible.iter().copied().filter(|i| votes[*i] > line).collect();
        let tied: Vec<usize> = eligible.iter().copied().filter(|i| votes[*i] == line).collect();
        let left = seats - elected.len() as u32;
        (elected, Some(Tie { candidates: tied, seats: left }))
    } else {
        (eligible.iter().copied().take(seats_n).collect(), None)
    };
    let explanation = explain(names, votes, &ranked, seats, present, rule, &elected, tie.as_ref());
    Ok(Tally { elected, tie, explanation })
}

fn check(names: &[String], votes: &[u32], seats: u32, present: u32) -> Result<(), ElectionError> {
    if names.is_empty() {
        return Err(ElectionError::NoCandidates);
    }
    if seats == 0 {
        return Err(ElectionError::NoSeats);
    }
    if present == 0 {
        return Err(ElectionError::NobodyPresent);
    }
    if let Some(i) = (0..votes.len()).find(|i| votes[*i] > present) {
        return Err(ElectionError::VotesOverPresent { name: names[i].clone(), votes: votes[i], present });
    }
    // Each voter marks at most one candidate per seat.
    let total: u64 = votes.iter().map(|v| u64::from(*v)).sum();
    if total > u64::from(present) * u64::from(seats) {
        return Err(ElectionError::BallotsOverPresent { total, present, seats });
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn explain(
    names: &[String],
    votes: &[u32],
    ranked: &[usize],
    seats: u32,
    present: u32,
    rule: ElectionRule,
    elected: &[usize],
    tie: Option<&Tie>,
) -> String {
    let join = |ids: &[usize]| ids.iter().map(|i| names[*i].as_str()).collect::<Vec<_>>().join("、");
    let each: Vec<String> = ranked.iter().map(|i| format!("{} {} 票", names[*i], votes[*i])).collect();
    let mut out = format!("应选 {seats} 名，到会 {present} 人；{}。", each.join("，"));
    if rule == ElectionRule::MajorityPresent {
        out.push_str(&format!("得票须超过到会人数的一半（{} 票）方能当选。", present / 2 + 1));
    }
    if !elected.is_empty() {
        out.push_str(&format!("{}当选。", join(elected)));
    }
    if let Some(t) = tie {
        let n = votes[t.candidates[0]];
        out.push_str(&format!(
            "{}得票相同（各 {n} 票），并列争 {} 个名额，须另行投票决定。",
            join(&t.candidates),
            t.seats
        ));
    }
    let filled = elected.len() as u32 + tie.map_or(0, |t| t.seats);
    if filled < seats {
        out.push_str(&format!("尚有 {} 个名额无人当选，须另行选举。", seats - filled));
    }
    out
}
