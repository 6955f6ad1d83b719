//! Across articles: threads that report the same happening join, by average linkage over
//! candidate pairs found by blocking.
//!
//! No pair of the whole corpus is compared. A thread is filed under each of its heaviest terms
//! (rare words or actors: `keys` of them, more for a longer thread); within a term's list, sorted
//! by date, a thread is compared only with the threads before it whose dates overlap its own, at
//! most `WINDOW` of them. A candidate pair's similarity is the cosine of the two threads' term
//! vectors times `rules::date_factor`; pairs whose dates rule them out are dropped.
//!
//! Clusters then merge best first while their size-weighted mean similarity, counting pairs never
//! compared as 0, exceeds `rules::JOIN_ACROSS`. That is average linkage: a happening does not
//! grow by a chain of pairs that each look alike. Clusters whose dates have no day in common never
//! merge; clusters that hold threads of one article (which the article already told apart) merge
//! only above the higher `rules::JOIN_SAME_ARTICLE`, when other articles' reports match both.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::rules::{self, Days};
use super::threads::Thread;
use crate::fasthash::FastMap;
use crate::ids::DocId;

/// Threads before it in a term's list that a thread is compared with.
const WINDOW: usize = 8;

/// The number of terms a thread of `sentences` sentences is filed under: a long thread has more
/// words that another article may share.
fn keys(sentences: usize) -> usize {
    (8 + 2 * sentences).min(24)
}

/// A cluster number for every thread (the number of one of its threads).
pub(super) fn merge(threads: &[Thread]) -> Vec<u32> {
    cluster(threads, candidates(threads))
}

/// Each thread's heaviest terms, by which it is compared across articles: its vector cut to
/// `PROFILE` terms, heaviest first. The light tail of a long thread's vector hardly moves a
/// cosine but would cost most of its time. All threads' profiles are in one list.
#[derive(Debug, Default, PartialEq)]
struct Profiles {
    /// Thread `i`'s terms are `terms[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    terms: Vec<(u32, f32)>,
    norm: Vec<f32>,
}

/// Terms of a thread's profile (and at most the terms it is filed under).
const PROFILE: usize = 40;

impl Profiles {
    fn new(threads: &[Thread]) -> Profiles {
        let mut p = Profiles {
            start: Vec::with_capacity(threads.len() + 1),
            terms: Vec::new(),
            norm: Vec::with_capacity(threads.len()),
        };
        p.start.push(0);
        let mut order: Vec<u64> = Vec::new();
        for t in threads {
            // Heaviest first, equal weights by term: one number per term, whose order is that
            // order (weights are positive, so their bits order as they do).
            order.clear();
            order.extend(
                t.vector
                    .iter()
                    .map(|&(term, w)| (u64::from(!w.to_bits()) << 32) | u64::from(term)),
            );
            if order.len() > PROFILE {
                order.select_nth_unstable(PROFILE - 1);
                order.truncate(PROFILE);
            }
            order.sort_unstable();
            let from = p.terms.len();
            p.terms.extend(
                order
                    .iter()
                    .map(|&k| (k as u32, f32::from_bits(!((k >> 32) as u32)))),
            );
            let norm = p.terms[from..]
                .iter()
                .map(|&(_, w)| w * w)
                .sum::<f32>()
                .sqrt();
            p.norm.push(norm);
            p.start
                .push(u32::try_from(p.terms.len()).unwrap_or(u32::MAX));
        }
        p
    }

    /// Thread `i`'s profile: its terms, heaviest first, and their norm.
    fn of(&self, i: usize) -> (&[(u32, f32)], f32) {
        let (a, b) = (self.start[i] as usize, self.start[i + 1] as usize);
        (&self.terms[a..b], self.norm[i])
    }
}

/// Candidate pairs (i < j) with their similarity.
fn candidates(threads: &[Thread]) -> Vec<(u32, u32, f32)> {
    let profiles = Profiles::new(threads);
    // (term, start day, end day, thread) for every key of every placed thread.
    let mut filed: Vec<(u32, i32, i32, u32)> = Vec::new();
    for (i, t) in threads.iter().enumerate() {
        let Some(p) = t.placement().filter(|&p| rules::joins_across(p)) else {
            continue;
        };
        let d = p.days();
        for &(term, _) in profiles.of(i).0.iter().take(keys(t.sentences)) {
            filed.push((term, d.0, d.1, i as u32));
        }
    }
    filed.sort_unstable();
    // The partners of each thread among the threads before it (lower numbers).
    let mut partners: Vec<Vec<u32>> = vec![Vec::new(); threads.len()];
    for list in filed.chunk_by(|a, b| a.0 == b.0) {
        look_back(list, |ti, tj| {
            if threads[ti as usize].doc != threads[tj as usize].doc {
                let (lo, hi) = (ti.min(tj), ti.max(tj));
                partners[hi as usize].push(lo);
            }
        });
    }
    drop(filed);
    // Cosines, the higher thread's profile spread into a table by term once for all its pairs.
    let n_terms = profiles
        .terms
        .iter()
        .map(|&(t, _)| t as usize + 1)
        .max()
        .unwrap_or(0);
    let mut table = vec![0.0f32; n_terms];
    let mut edges = Vec::new();
    for (j, run) in partners.iter_mut().enumerate() {
        if run.is_empty() {
            continue;
        }
        run.sort_unstable();
        run.dedup();
        let ((pj, pj_norm), tj) = (profiles.of(j), &threads[j]);
        let Some(place_j) = tj.placement() else {
            continue;
        };
        for &(t, w) in pj {
            table[t as usize] = w;
        }
        for &i in run.iter() {
            let i = i as usize;
            let Some(factor) = threads[i]
                .placement()
                .and_then(|pi| rules::date_factor(pi, place_j))
            else {
                continue;
            };
            let (pi, pi_norm) = profiles.of(i);
            if pi_norm == 0.0 || pj_norm == 0.0 {
                continue;
            }
            let (mut dot, mut shared) = (0.0f32, 0usize);
            for &(t, w) in pi {
                let x = table[t as usize];
                if x > 0.0 {
                    dot += w * x;
                    shared += 1;
                }
            }
            if shared < rules::MIN_SHARED_TERMS {
                continue;
            }
            let s = dot / (pi_norm * pj_norm) * factor;
            if s > 0.0 {
                edges.push((i as u32, j as u32, s));
            }
        }
        for &(t, _) in pj {
            table[t as usize] = 0.0;
        }
    }
    edges
}

/// Calls `f(ti, tj)` for every thread `ti` of one term's list (`(term, start day, end day,
/// thread)`, sorted) and each of the at most `WINDOW` threads `tj` before it in the list whose
/// dates reach its start, nearest first.
fn look_back(list: &[(u32, i32, i32, u32)], mut f: impl FnMut(u32, u32)) {
    // No thread of the list spans more days than this: one that starts more than that before a
    // thread ends before it starts, and so do all before it (the list is sorted by start), so the
    // look back stops there instead of running to the start of the list, which made a common
    // term's list quadratic in an archive of many years.
    let widest = list.iter().map(|&(_, a, b, _)| b - a).max().unwrap_or(0);
    for (k, &(_, start, _, ti)) in list.iter().enumerate() {
        let mut seen = 0;
        for &(_, before, end, tj) in list[..k].iter().rev() {
            if seen == WINDOW || before < start.saturating_sub(widest) {
                break;
            }
            if end < start {
                continue;
            }
            seen += 1;
            f(ti, tj);
        }
    }
}

/// A cluster of threads while merging.
struct Cluster {
    weight: f64,
    /// Its articles, sorted.
    docs: Vec<DocId>,
    /// The days every thread's dates allow.
    core: Days,
    /// Summed weighted similarities to each neighbouring cluster.
    links: FastMap<u32, f64>,
    /// Bumped on every merge, to tell stale queue entries.
    version: u32,
    /// The cluster it was merged into.
    merged_into: Option<u32>,
}

/// A queue entry: mean similarity as ordered bits, then the lower and higher cluster (lowest
/// first among equals), and the versions it was computed at.
type Entry = (u64, Reverse<(u32, u32)>, (u32, u32));

fn ordered(x: f64) -> u64 {
    // Positive finite means only are queued, so the bits order as the numbers do.
    x.to_bits()
}

fn cluster(threads: &[Thread], edges: Vec<(u32, u32, f32)>) -> Vec<u32> {
    let mut clusters: Vec<Cluster> = threads
        .iter()
        .map(|t| Cluster {
            weight: rules::thread_weight(t.sentences),
            docs: vec![t.doc],
            core: t.placement().map_or((i32::MAX, i32::MIN), |p| p.days()),
            links: FastMap::default(),
            version: 0,
            merged_into: None,
        })
        .collect();
    for (i, j, s) in edges {
        let w = clusters[i as usize].weight * clusters[j as usize].weight * f64::from(s);
        *clusters[i as usize].links.entry(j).or_default() += w;
        *clusters[j as usize].links.entry(i).or_default() += w;
    }
    let mean = |c: &[Cluster], a: u32, b: u32, sum: f64| {
        sum / (c[a as usize].weight * c[b as usize].weight)
    };
    let mut queue: BinaryHeap<Entry> = BinaryHeap::new();
    let push = |queue: &mut BinaryHeap<Entry>, c: &[Cluster], a: u32, b: u32, sum: f64| {
        let m = mean(c, a, b, sum);
        if m > f64::from(rules::JOIN_ACROSS) && m.is_finite() {
            let (lo, hi) = (a.min(b), a.max(b));
            let v = (c[lo as usize].version, c[hi as usize].version);
            queue.push((ordered(m), Reverse((lo, hi)), v));
        }
    };
    for a in 0..clusters.len() as u32 {
        let mut ns: Vec<(u32, f64)> = clusters[a as usize]
            .links
            .iter()
            .filter(|&(&b, _)| b > a)
            .map(|(&b, &s)| (b, s))
            .collect();
        ns.sort_unstable_by_key(|&(b, _)| b);
        for (b, s) in ns {
            push(&mut queue, &clusters, a, b, s);
        }
    }
    while let Some((m, Reverse((a, b)), (va, vb))) = queue.pop() {
        let (ca, cb) = (&clusters[a as usize], &clusters[b as usize]);
        if ca.merged_into.is_some()
            || cb.merged_into.is_some()
            || ca.version != va
            || cb.version != vb
        {
            continue;
        }
        let core = (ca.core.0.max(cb.core.0), ca.core.1.min(cb.core.1));
        // Two clusters that hold threads of one article: the article told those threads apart,
        // so only a stronger likeness than `JOIN_ACROSS` overrules it.
        let bar = f64::from(rules::JOIN_SAME_ARTICLE);
        if core.0 > core.1 || (shares_any(&ca.docs, &cb.docs) && f64::from_bits(m) < bar) {
            continue;
        }
        // Merge the cluster with fewer links into the other.
        let (keep, gone) = if ca.links.len() >= cb.links.len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_c = std::mem::replace(
            &mut clusters[gone as usize],
            Cluster {
                weight: 0.0,
                docs: Vec::new(),
                core: (i32::MAX, i32::MIN),
                links: FastMap::default(),
                version: 0,
                merged_into: Some(keep),
            },
        );
        {
            let k = &mut clusters[keep as usize];
            k.weight += gone_c.weight;
            k.docs = merged(&k.docs, &gone_c.docs);
            k.core = core;
            k.version += 1;
            k.links.remove(&gone);
        }
        let mut gone_links: Vec<(u32, f64)> = gone_c.links.into_iter().collect();
        gone_links.sort_unstable_by_key(|&(n, _)| n);
        for (n, s) in gone_links {
            if n == keep {
                continue;
            }
            let nc = &mut clusters[n as usize];
            nc.links.remove(&gone);
            *nc.links.entry(keep).or_default() += s;
            *clusters[keep as usize].links.entry(n).or_default() += s;
        }
        let mut ns: Vec<(u32, f64)> = clusters[keep as usize]
            .links
            .iter()
            .map(|(&n, &s)| (n, s))
            .collect();
        ns.sort_unstable_by_key(|&(n, _)| n);
        for (n, s) in ns {
            push(&mut queue, &clusters, keep, n, s);
        }
    }
    (0..clusters.len() as u32)
        .map(|mut c| {
            while let Some(next) = clusters[c as usize].merged_into {
                c = next;
            }
            c
        })
        .collect()
}

fn shares_any(a: &[DocId], b: &[DocId]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

fn merged(a: &[DocId], b: &[DocId]) -> Vec<DocId> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `look_back` as it was, reading back to the start of the list every time.
    fn look_back_all(list: &[(u32, i32, i32, u32)]) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for (k, &(_, start, _, ti)) in list.iter().enumerate() {
            let mut seen = 0;
            for &(_, _, end, tj) in list[..k].iter().rev() {
                if seen == WINDOW {
                    break;
                }
                if end < start {
                    continue;
                }
                seen += 1;
                out.push((ti, tj));
            }
        }
        out
    }

    /// (thread, its profile's terms, its norm)
    type Case = (usize, Vec<(u32, f32)>, f32);

    #[test]
    fn profiles_keep_each_threads_heaviest_terms_heaviest_first() {
        let thread = |vector: Vec<(u32, f32)>| {
            let mut t = Thread::default();
            t.vector = vector;
            t
        };
        let long: Vec<(u32, f32)> = (0..100).map(|t| (t, 1.0 + t as f32)).collect();
        let threads = [
            thread(vec![(3, 1.0), (5, 4.0), (9, 1.0), (12, 2.0)]),
            thread(Vec::new()),
            thread(long),
            thread(vec![(1, 3.0), (2, 4.0)]),
        ];
        let p = Profiles::new(&threads);
        let cases: [Case; 4] = [
            (
                0,
                vec![(5, 4.0), (12, 2.0), (3, 1.0), (9, 1.0)],
                22f32.sqrt(),
            ),
            (1, vec![], 0.0),
            (
                2,
                (60..100).rev().map(|t| (t, 1.0 + t as f32)).collect(),
                (61..=100).rev().map(|w| (w * w) as f32).sum::<f32>().sqrt(),
            ),
            (3, vec![(2, 4.0), (1, 3.0)], 5.0),
        ];
        for (i, terms, norm) in cases {
            let (got, got_norm) = p.of(i);
            assert_eq!(got, &terms[..], "{i}");
            assert!((got_norm - norm).abs() < 1e-3, "{i}: {got_norm} {norm}");
        }
    }

    #[test]
    fn the_look_back_stops_early_but_finds_the_same_partners() {
        // Lists of threads over years, of spans from one day to half a year, dense and sparse.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as i32
        };
        for (len, years, widest) in [
            (0, 1, 1),
            (1, 1, 1),
            (50, 1, 1),
            (400, 20, 60),
            (400, 1, 180),
            (2000, 22, 180),
        ] {
            let mut list: Vec<(u32, i32, i32, u32)> = (0..len)
                .map(|i| {
                    let start = 730_000 + next(365 * years);
                    (7, start, start + next(widest), i)
                })
                .collect();
            list.sort_unstable();
            let mut got = Vec::new();
            look_back(&list, |a, b| got.push((a, b)));
            assert_eq!(
                got,
                look_back_all(&list),
                "{len} threads over {years} years"
            );
        }
    }
}
