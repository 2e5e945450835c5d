package search

// compoundFilter is the compound stage of the analysis pipeline. It expands
// each run of words the tokenizer joined (Wahlkampf-Veranstaltung,
// Nutzer*innen) into a joined token, written without its joiners
// ("wahlkampfveranstaltung") and spanning the whole compound at the position
// of its first part, followed by the parts themselves. Bare gender suffixes
// ("innen") are kept in the joined token only. A query for the compound
// matches the compound however it is written, with or without hyphen, and a
// query for a part matches the part.
func compoundFilter(ts []token) []token {
	for _, t := range ts {
		if t.join != joinNone {
			return appendCompounds(make([]token, 0, len(ts)+len(ts)/2), ts)
		}
	}
	return ts
}

// appendCompounds appends the tokens of ts with compounds expanded, as
// compoundFilter returns them, to out.
func appendCompounds(out, ts []token) []token {
	var w rewriter
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].join != joinNone {
			j++
		}
		group := ts[i:j]
		i = j
		if len(group) == 1 {
			out = append(out, group[0])
			continue
		}
		from := len(w.buf)
		for _, t := range group {
			w.buf = append(w.buf, t.text...)
		}
		w.mark(len(out), from)
		out = append(out, token{
			start: group[0].start,
			end:   group[len(group)-1].end,
			pos:   group[0].pos,
			kind:  kindJoined,
		})
		for _, t := range group {
			if t.suffix {
				continue
			}
			t.kind = kindPart
			out = append(out, t)
		}
	}
	w.apply(func(i int, s string) { out[i].text = s })
	return out
}
