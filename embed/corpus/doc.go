// Package corpus generates synthetic German news chronicles of any size, for
// testing and benchmarking Chronik at scale: 10,000 articles load, index and
// search like real news, without anyone having to publish them.
//
// A corpus is a folder that [embed.LoadDir] reads: one NAME.md file per
// article and an _index.md. Its text is not prose but has the statistics
// that decide how large the search index is and how fast it is searched:
//
//   - Word frequencies follow Zipf's law: the frequency of the word of rank
//     r falls about as 1/r (a least-squares slope of −0.96 on log-log
//     axes over ranks 10 to 1,000), and faster beyond a few thousand words.
//   - The vocabulary grows with the corpus as in real news (Heaps' law,
//     V ≈ K·n^β with β ≈ 0.6): rare words keep appearing.
//   - The words are German. The frequent ones are those of a seed
//     chronicle, grouped into lemmas by their Snowball stem so that every
//     inflected form of a lemma is used, with names and brands such as
//     Microsoft and Trump among the most frequent words. The rare ones are
//     made up: noun compounds of seed nouns with the linking elements -s-,
//     -es-, -n- and -en- ("Sicherheitsbehörde"), and inflected forms of
//     new stems ("Brankung", "Brankungen").
//   - Articles have about 500 words (±30%) in 3–8 paragraphs, sometimes
//     with subheadings, and repeat a few words of their own topic, as
//     articles do; they have titles of 6–12 words, often a kicker, a
//     source, an author, and dates from 2016 to 2025, some month-only.
//
// Generation is deterministic: the same vocabulary, number of articles and
// seed give byte-identical files. A corpus of n articles with a seed is the
// start of every larger corpus with the same seed, so that vocabulary
// growth can be measured on prefixes. Run
//
//	go run ./embed/corpus/cmd/corpus -n 10000 -seed 1 -out DIR
//
// or make corpus N=10000, which writes .cache/corpus/10000.
package corpus
