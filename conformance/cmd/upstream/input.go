package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// fileList is the repeatable -f FILE|DIR flag.
type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(v string) error { *f = append(*f, v); return nil }

// object is one input document (a List is expanded to its items) with where it came from.
type object struct {
	file  string
	index int
	raw   map[string]interface{}
}

func (o object) kind() string       { s, _ := o.raw["kind"].(string); return s }
func (o object) apiVersion() string { s, _ := o.raw["apiVersion"].(string); return s }

func (o object) name() string {
	if md, ok := o.raw["metadata"].(map[string]interface{}); ok {
		s, _ := md["name"].(string)
		return s
	}
	return ""
}

func (o object) namespace() string {
	if md, ok := o.raw["metadata"].(map[string]interface{}); ok {
		s, _ := md["namespace"].(string)
		return s
	}
	return ""
}

// into decodes the document into a typed API object through JSON, like the API server's decoder.
func (o object) into(v interface{}) error {
	b, err := json.Marshal(o.raw)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: document %d: %v", o.file, o.index, err)
	}
	return nil
}

// readObjects reads every -f input: files, folders (.yaml, .yml, .json, not recursive) and "-".
func readObjects(inputs []string) ([]object, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no input: give at least one -f FILE|DIR|-")
	}
	var out []object
	for _, in := range inputs {
		files := []string{in}
		if st, err := os.Stat(in); err == nil && st.IsDir() {
			entries, err := os.ReadDir(in)
			if err != nil {
				return nil, err
			}
			files = nil
			for _, e := range entries {
				ext := strings.ToLower(filepath.Ext(e.Name()))
				if !e.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
					files = append(files, filepath.Join(in, e.Name()))
				}
			}
			sort.Strings(files)
		}
		for _, f := range files {
			var data []byte
			var err error
			if f == "-" {
				data, err = io.ReadAll(os.Stdin)
			} else {
				data, err = os.ReadFile(f)
			}
			if err != nil {
				return nil, err
			}
			objs, err := decodeDocuments(f, data)
			if err != nil {
				return nil, err
			}
			out = append(out, objs...)
		}
	}
	if len(out) == 0 {
		// The ai-infra contract (issue 15): inputs that hold no object at all are refused.
		return nil, fmt.Errorf("%s: no Kubernetes objects", strings.Join(inputs, ", "))
	}
	return out, nil
}

func decodeDocuments(file string, data []byte) ([]object, error) {
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
	var out []object
	for index := 0; ; index++ {
		var doc interface{}
		if err := dec.Decode(&doc); err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, fmt.Errorf("%s: document %d: %v", file, index, err)
		}
		switch d := doc.(type) {
		case nil:
		case []interface{}:
			for _, item := range d {
				if m, ok := item.(map[string]interface{}); ok {
					out = append(out, object{file: file, index: index, raw: m})
				}
			}
		case map[string]interface{}:
			if kind, _ := d["kind"].(string); kind == "List" || strings.HasSuffix(kind, "List") && d["items"] != nil {
				items, _ := d["items"].([]interface{})
				for _, item := range items {
					if m, ok := item.(map[string]interface{}); ok {
						out = append(out, object{file: file, index: index, raw: m})
					}
				}
				continue
			}
			out = append(out, object{file: file, index: index, raw: d})
		default:
			return nil, fmt.Errorf("%s: document %d: not an object", file, index)
		}
	}
}

// newFlags is a flag set for one command that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// writeJSON prints v as one JSON document (keys in struct order, no HTML escaping).
func writeJSON(w io.Writer, v interface{}) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// usageError prints an error for invalid input or usage and returns exit code 2.
func usageError(stderr io.Writer, format string, a ...interface{}) int {
	fmt.Fprintf(stderr, "error: "+format+"\n", a...)
	return exitInvalid
}

// kv is one field of an orderedJSON object.
type kv struct {
	Key   string
	Value interface{}
}

// orderedJSON is a JSON object that keeps its fields in the order given (like ai-infra's output).
type orderedJSON []kv

func (o orderedJSON) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		v, err := marshalNoEscape(f.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v interface{}) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
