// Package search is Chronik's full-text search engine: a German text
// analysis pipeline, a compact inverted index that is built ahead of time and
// embedded in the WebAssembly binary, and a ranked prefix search with
// highlighting for results shown on every keystroke.
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
//     recognised as compounds;
//  3. lowercase;
//  4. compound: a compound is indexed as the joined word and as its parts;
//  5. stop: German stop words are removed by their surface form;
//  6. fold: ä→ae, ö→oe, ü→ue, ß→ss, giving the folded surface form used for
//     prefix matching;
//  7. stem: the Snowball German stemmer gives the index term.
//
// Every token keeps the byte offsets of its occurrence in the original text,
// so matches can be highlighted in the text as the user sees it.
//
// # Index
//
// [Build] creates an [Index] from documents; [Index.MarshalBinary] serialises
// it deterministically and [Decode] restores it without any text analysis.
// The index stores, per stem term, the documents it occurs in with per-field
// term frequencies and positions, plus the field lengths for BM25 and a
// sorted vocabulary of folded surface forms for prefix matching. It does not
// store the document text: [Index.Search] is given the documents and
// re-analyses only the hits to compute highlights and snippets.
//
// # Queries
//
// A query is analysed like the text. All its terms must match (AND) in some
// field; the last term, while it is still being typed (the query does not end
// in whitespace), also matches every word that starts with it. Hits are
// ranked by BM25 summed over fields with field boosts.
package search
