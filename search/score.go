package search

import "math"

// BM25 parameters: k1 controls how quickly repeated occurrences saturate, b
// how strongly long fields are penalised.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Field boosts: a term in the title says more about an article than the same
// term in its body.
const (
	titleBoost  = 3.0
	kickerBoost = 1.5
	bodyBoost   = 1.0
)

// fieldBoost holds the boost of each field.
var fieldBoost = [NumFields]float64{Title: titleBoost, Kicker: kickerBoost, Body: bodyBoost}

// Weights that scale the score of weaker kinds of match of a query term.
const (
	// prefixWeight scales the score of a document that matches the prefix
	// term only through a longer word, so that a word typed in full ranks
	// first.
	prefixWeight = 0.8
	// stemOnlyWeight scales the term frequency of the occurrences of a
	// term in another form than the one typed: "Übernahme" finds
	// "Übernahmen" too, but a document with "Übernahme" ranks higher.
	stemOnlyWeight = 0.85
	// compoundWeight scales the score of a match of a compound that contains
	// the term as a part. Such matches also rank in a lower tier.
	compoundWeight = 0.5
	// adjacentWeight scales the score of a match of a compound's parts
	// written apart at consecutive positions.
	adjacentWeight = 0.9
	// typoWeight scales the score of a match of a typo correction. Such
	// matches also rank in the lowest tier.
	typoWeight = 0.5
)

// idf returns the BM25 inverse document frequency of a term that occurs in
// df of the index's documents. It is always positive.
func (ix *Index) idf(df int) float64 {
	n := float64(ix.ndocs)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// score returns the BM25 term frequency part of the score of a term that
// occurs tf[f] times in field f of document doc, summed over the fields with
// their boosts, times weight. The full BM25 score multiplies it by the IDF.
// Frequencies may be fractional, for occurrences that count less.
func (ix *Index) score(weight float64, doc int, tf *[NumFields]float64) float64 {
	s := 0.0
	for f, x := range tf {
		if x <= 0 {
			continue
		}
		s += fieldBoost[f] * x * (bm25K1 + 1) / (x + ix.knorm[f][doc])
	}
	return weight * s
}

// bodyScore returns score(weight, doc, tf) for a term that occurs in the
// body only, tf[Body] = x times, computed as score computes it.
func (ix *Index) bodyScore(weight float64, doc int, x float64) float64 {
	return weight * (fieldBoost[Body] * x * (bm25K1 + 1) / (x + ix.knorm[Body][doc]))
}

// lengthNorm returns k1 times the BM25 length normalisation of a field of n
// words whose average length is avg.
func lengthNorm(n int32, avg float64) float64 {
	norm := 1 - bm25B + bm25B*float64(n)/avg
	return bm25K1 * norm
}
