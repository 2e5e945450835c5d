package search

import "strings"

// maxSuggestions is the most "Meinten Sie …?" suggestions of a result.
const maxSuggestions = 3

// suggest returns corrected queries for p: each term that matched nothing,
// or only through typos, is replaced in the query text by the display form
// of its closest vocabulary word. The first suggestion takes the best
// correction of every term; the others vary one term at a time through its
// next corrections. It returns nil if no term has a correction.
func (s *searcher) suggest(p *parsed, ms []termMatch) []string {
	ix := s.ix
	type fix struct {
		span  Span
		forms []string // display forms, best first, distinct
	}
	var fixes []fix
	for i := range ms {
		m := &ms[i]
		if i == p.soft || p.spans[i].Start < 0 || len(m.docs) > 0 && !m.typo {
			continue
		}
		if m.cands == nil {
			m.cands = ix.typoMatches(p.Terms[i].Surface)
		}
		var forms []string
		for _, c := range m.cands {
			f := ix.display(c.surf)
			if !containsFold(forms, f) {
				forms = append(forms, f)
			}
			if len(forms) == maxSuggestions {
				break
			}
		}
		if len(forms) > 0 {
			fixes = append(fixes, fix{p.spans[i], forms})
		}
	}
	if len(fixes) == 0 {
		return nil
	}
	// build returns the query with term j corrected to its alt-th form and
	// the others to their best.
	build := func(j, alt int) string {
		var b strings.Builder
		prev := 0
		for k, f := range fixes {
			b.WriteString(p.text[prev:f.span.Start])
			if k == j {
				b.WriteString(f.forms[alt])
			} else {
				b.WriteString(f.forms[0])
			}
			prev = f.span.End
		}
		b.WriteString(p.text[prev:])
		return strings.Join(strings.Fields(b.String()), " ")
	}
	out := []string{build(-1, 0)}
	for j, f := range fixes {
		for alt := 1; alt < len(f.forms) && len(out) < maxSuggestions; alt++ {
			if q := build(j, alt); !containsFold(out, q) {
				out = append(out, q)
			}
		}
	}
	return out
}

// containsFold reports whether ss contains s, ignoring case.
func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
