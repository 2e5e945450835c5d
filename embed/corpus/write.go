package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// markerFile marks a folder written by WriteDir, whose *.md files WriteDir
// may then replace. embed.LoadDir ignores it, as its name starts with ".".
const markerFile = ".corpus"

// WriteDir writes files into the folder dir, creating it if needed, and
// removes the *.md files of an earlier corpus there that are not among
// files, so that the folder holds exactly this corpus. To protect folders of
// real articles, it refuses a folder that is not empty and was not written
// by WriteDir.
func WriteDir(dir string, files []File) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	case err != nil:
		return fmt.Errorf("corpus: %w", err)
	case len(entries) > 0:
		if _, err := os.Stat(filepath.Join(dir, markerFile)); err != nil {
			return fmt.Errorf("corpus: %s is not empty and holds no corpus (no %s file): choose another folder", dir, markerFile)
		}
	}
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		if f.Name == "" || f.Name == markerFile || f.Name != filepath.Base(f.Name) || strings.ContainsAny(f.Name, `/\`) {
			return fmt.Errorf("corpus: invalid file name %q", f.Name)
		}
		keep[f.Name] = true
	}
	marker := "This folder was written by chronik/embed/corpus, which replaces its *.md files.\n"
	if err := os.WriteFile(filepath.Join(dir, markerFile), []byte(marker), 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".md") && !keep[name] {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return fmt.Errorf("corpus: removing a file of the earlier corpus: %w", err)
			}
		}
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}
