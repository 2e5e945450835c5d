package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listDir returns the names in dir, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// writeFiles creates files with the given names and contents in dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
}

func TestWriteDir(t *testing.T) {
	corpus := []File{{"a.md", []byte("A")}, {IndexFile, []byte("I")}}
	tests := []struct {
		name    string
		before  map[string]string // files in the folder before, nil for no folder
		files   []File
		want    []string // the folder's names after
		wantErr string
	}{
		{"new folder", nil, corpus, []string{markerFile, IndexFile, "a.md"}, ""},
		{"empty folder", map[string]string{}, corpus, []string{markerFile, IndexFile, "a.md"}, ""},
		{
			"earlier corpus: stale articles removed, other files kept",
			map[string]string{markerFile: "", "a.md": "old", "b.md": "stale", "notes.txt": "mine"},
			corpus, []string{markerFile, IndexFile, "a.md", "notes.txt"}, "",
		},
		{
			"folder of real articles refused",
			map[string]string{"x.md": "real"},
			corpus, []string{"x.md"}, "holds no corpus",
		},
		{"file name with a folder", map[string]string{}, []File{{"sub/a.md", nil}}, nil, "invalid file name"},
		{"marker as file name", map[string]string{}, []File{{markerFile, nil}}, nil, "invalid file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "corpus")
			if tt.before != nil {
				require.NoError(t, os.Mkdir(dir, 0o755))
				writeFiles(t, dir, tt.before)
			}
			err := WriteDir(dir, tt.files)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				if tt.want != nil {
					assert.Equal(t, tt.want, listDir(t, dir), "the folder is left alone")
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, listDir(t, dir))
			for _, f := range tt.files {
				data, err := os.ReadFile(filepath.Join(dir, f.Name))
				require.NoError(t, err)
				assert.Equal(t, f.Data, data, f.Name)
			}
		})
	}
}
