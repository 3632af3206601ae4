package build

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// killedFixEnv, when set to a kit's folder, makes TestKilledFixChild make
// the safe fixes of that kit.
const killedFixEnv = "MARQUE_TEST_KILLED_FIX"

// TestKilledFixChild is the process TestKilledFix kills.
func TestKilledFixChild(t *testing.T) {
	kit := os.Getenv(killedFixEnv)
	if kit == "" {
		t.Skip("run by TestKilledFix")
	}
	if _, _, err := Fix(context.Background(), Options{Source: kit, Today: today}, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	os.Exit(0)
}

// fixTemps returns the temporary files Fix left in the kit.
func fixTemps(t *testing.T, kit string) []string {
	t.Helper()
	var temps []string
	filepath.WalkDir(kit, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".marque-fix") {
			temps = append(temps, p)
		}
		return err
	})
	return temps
}

// TestKilledFix kills marque check --fix at random points of a kit of a
// few hundred posts to fix, half of the kills while it writes them: every
// post is then its old text or its fixed one, whole, never a part; and
// the next run fixes the rest and leaves no temporary file.
func TestKilledFix(t *testing.T) {
	const posts, kills = 200, 6
	kit := t.TempDir()
	old := map[string]string{
		"brand.toml": "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\nlanguage = \"fr\"\n",
	}
	for i := range posts {
		old[fmt.Sprintf("content/posts/p%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Séance %d\"\ndate = 2026-01-05\n+++\n%s",
			i, strings.Repeat(fmt.Sprintf("Bonjour! La séance %d commence... Et vous? ", i), 1+i%7))
	}
	reset := func() {
		t.Helper()
		for name, data := range old {
			p := filepath.Join(kit, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	read := func() map[string]string {
		t.Helper()
		got := map[string]string{}
		for name := range old {
			b, err := os.ReadFile(filepath.Join(kit, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			got[name] = string(b)
		}
		return got
	}
	reset()
	begin := time.Now()
	if _, made, err := Fix(context.Background(), Options{Source: kit, Today: today}, nil); err != nil || len(made) < posts {
		t.Fatalf("Fix made %d fixes: %v", len(made), err)
	}
	whole := time.Since(begin)
	fixed := read()

	rng := rand.New(rand.NewPCG(2026, 11))
	var mixed, temps int
	for i := range kills {
		reset()
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledFixChild$")
		cmd.Env = append(os.Environ(), killedFixEnv+"="+kit)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			cmd.Wait()
			close(done)
		}()
		if i%2 == 1 {
			// Wait for the first post to be fixed: the writes have begun.
			first := filepath.Join(kit, "content/posts/p000.md")
		wait:
			for {
				if b, _ := os.ReadFile(first); string(b) == fixed["content/posts/p000.md"] {
					break
				}
				select {
				case <-done:
					break wait
				case <-time.After(200 * time.Microsecond):
				}
			}
			time.Sleep(time.Duration(rng.Float64() * float64(whole) / 4))
		} else {
			time.Sleep(time.Duration(rng.Float64() * float64(whole) * 1.5))
		}
		cmd.Process.Kill()
		<-done
		n := 0
		for name, data := range read() {
			switch data {
			case old[name]:
			case fixed[name]:
				n++
			default:
				t.Fatalf("kill %d: %s is neither its old text nor its fixed one:\n%q", i, name, data)
			}
		}
		if 0 < n && n < posts {
			mixed++
		}
		temps += len(fixTemps(t, kit))
	}
	t.Logf("%d kills (a run takes %v): %d stopped between two posts, %d temporary files left", kills, whole.Round(time.Millisecond), mixed, temps)

	if _, _, err := Fix(context.Background(), Options{Source: kit, Today: today}, nil); err != nil {
		t.Fatal(err)
	}
	for name, data := range read() {
		if data != fixed[name] {
			t.Errorf("%s after the last run:\n%q\nwant\n%q", name, data, fixed[name])
		}
	}
	if left := fixTemps(t, kit); len(left) > 0 {
		t.Errorf("temporary files left after a whole run: %v", left)
	}
}

// TestFixRemovesTemps runs Fix where a killed run left its temporary files
// beside posts that need no fix any more: the files go, and the posts, the
// profile and what is not Fix's stay as they are.
func TestFixRemovesTemps(t *testing.T) {
	files := map[string]string{
		"brand.toml":                           "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\nlanguage = \"fr\"\n",
		".brand.toml.marque-fix":               "[person]\nname = \"Zo",
		"content/posts/a.md":                   "+++\ntitle = \"Bonjour\u202f!\"\ndate = 2026-01-05\n+++\nUn texte…\n",
		"content/posts/.a.md.marque-fix":       "+++\ntitle = \"Bon",
		"content/posts/b/index.md":             "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nUn autre.\n",
		"content/posts/b/.index.md.marque-fix": "",
		"assets/.notes.marque-fix":             "not Fix's",
	}
	kit := writeCacheKit(t, files)
	if _, made, err := Fix(context.Background(), Options{Source: kit, Today: today}, nil); err != nil || len(made) > 0 {
		t.Fatalf("Fix made %v: %v", made, err)
	}
	for name, data := range files {
		b, err := os.ReadFile(filepath.Join(kit, filepath.FromSlash(name)))
		switch {
		case strings.HasSuffix(name, ".marque-fix") && !strings.HasPrefix(name, "assets/"):
			if err == nil {
				t.Errorf("%s left", name)
			}
		case err != nil || string(b) != data:
			t.Errorf("%s changed: %q, %v", name, b, err)
		}
	}
}
