// Package search is Chronik's full-text search engine: a German text
// analysis pipeline, a compact inverted index that is built ahead of time and
// embedded in the WebAssembly binary, and a ranked prefix search with
// phrases, exclusion, compound parts, typo tolerance, "Meinten Sie …?"
// suggestions and highlighting for results shown on every keystroke.
//
// # Analysis
//
// Text is analysed by a pipeline modelled on Bleve's analysis packages: a
// small set of independent stages, each in its own file:
//
//  1. compose: limited canonical composition of base letter + combining
//     diacritic into the precomposed Latin letter (not full NFC);
//  2. tokenize: maximal runs of letters, digits and combining marks, with
//     hyphenated words and gender forms (Nutzer*innen, NutzerInnen)
//     recognised as compounds; every word gets a position, stop words too;
//  3. lowercase;
//  4. compound: a hyphenated compound is indexed as the joined word and as
//     its parts;
//  5. stop: German stop words are removed by their surface form, keeping
//     the positions of the other words;
//  6. fold: ä→ae, ö→oe, ü→ue, ß→ss, giving the folded surface form used for
//     prefix matching;
//  7. stem: the Snowball German stemmer gives the index term.
//
// Every token keeps the byte offsets of its occurrence in the original text,
// so matches can be highlighted in the text as the user sees it.
//
// # Index
//
// [Build] creates an [Index] from documents; [Index.Encode] serialises
// it deterministically and [Decode] restores it without any text analysis.
// The index stores, per stem term, the documents it occurs in with per-field
// term frequencies and positions, plus the field lengths for BM25. Its
// vocabulary of folded surface forms serves prefix matching and typo
// correction; per form it keeps the occurrence counts (so that the form
// typed ranks above other forms of its stem) and the display spelling
// most often written ("Microsoft", "Übernahme") for suggestions. Build
// also splits long words into parts from the vocabulary (see Compounds)
// and stores the parts of each compound term. The index does not store the
// document text: [Index.Search] is given the documents and re-analyses only
// the hits to compute highlights and snippets.
//
// # Queries
//
// A query is analysed like the text. All its terms must match (AND) in some
// field; the last term, while it is still being typed (the query does not end
// in whitespace), also matches every word that starts with it. Words in
// double quotes ("…", „…“ or “…”; an unclosed quote ends at the end of the
// query) must occur as a phrase, at consecutive positions counting the
// stop words between them. A word or phrase after a minus at the start of
// a word is excluded; a query of exclusions only finds every other
// document. Hits are ranked by BM25 summed over fields with field boosts,
// in tiers: hits that need a compound part rank below those that match
// every term as a word, and hits that need a typo correction rank last.
//
// # Highlighting
//
// Finding the spans and the snippet of a hit means analysing its text
// again, which costs more than the search itself when there are many
// hits. A UI that needs every hit (for counts, facets or sorting by date)
// but shows only a few searches with [Options].Lazy and calls
// [Result.Highlight] for the hits it shows.
//
// # Compounds
//
// At build time every word of at least 8 letters is split into two or three
// parts of at least 4 letters that are words of the corpus, with the
// linking elements -s-, -es-, -n-, -en- allowed between them, if the
// geometric mean of the parts' corpus frequencies beats the frequency of
// the word ("Datenschutz" → "Daten" + "Schutz"). Names and brands on a
// fixed list ("Bytedance", "Microsoft") are never split. A query term then
// also finds the compounds that contain it, and a query compound also finds
// its parts written apart at consecutive positions. [Options] switches
// this off.
//
// # Typos
//
// A term that matches nothing otherwise matches the vocabulary words within
// its optimal string alignment distance (1 typo from 4 letters, 2 from 8),
// at most [MaxTypoExpansions] of them, and the result suggests the
// corrected query.
package search
