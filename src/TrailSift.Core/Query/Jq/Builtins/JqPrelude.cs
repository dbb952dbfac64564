namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>The builtins jq 1.7.1 defines in jq itself (src/builtin.jq), compiled once per process.</summary>
internal static class JqPrelude
{
    public const string Source = """
        def values: select(. != null);
        def nulls: select(. == null);
        def booleans: select(type == "boolean");
        def numbers: select(type == "number");
        def strings: select(type == "string");
        def arrays: select(type == "array");
        def objects: select(type == "object");
        def iterables: select(type|. == "array" or . == "object");
        def scalars: select(type|. != "array" and . != "object");
        def isfinite: type == "number" and (isinfinite | not);
        def finites: select(isfinite);
        def normals: select(isnormal);
        def map(f): [.[] | f];
        def select(f): if f then . else empty end;
        def recurse(f): def r: ., (f | r); r;
        def recurse: recurse(.[]?);
        def recurse(f; cond): def r: ., (f | select(cond) | r); r;
        def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
        def from_entries: reduce .[] as $x ({}; . + { ($x | .key // .Key // .name // .Name): ($x | if has("value") then .value else .Value end) });
        def with_entries(f): to_entries | map(f) | from_entries;
        def map_values(f): .[] |= f;
        def paths: path(..) | select(length > 0);
        def paths(node_filter): path(.. | select(node_filter)) | select(length > 0);
        def del(f): delpaths([path(f)]);
        def any: reduce .[] as $x (false; . or $x);
        def all: reduce .[] as $x (true; . and $x);
        def any(f): reduce (.[] | f) as $x (false; . or $x);
        def all(f): reduce (.[] | f) as $x (true; . and $x);
        def any(generator; condition): isempty(first(generator | condition or empty)) | not;
        def all(generator; condition): isempty(first(generator | condition and empty));
        def isempty(g): first((g | false), true);
        def range($x): range(0; $x);
        def range($from; $upto; $by):
            if $by > 0 then $from | while(. < $upto; . + $by)
            elif $by < 0 then $from | while(. > $upto; . + $by)
            else empty end;
        def in(xs): . as $x | xs | has($x);
        def inside(xs): . as $x | xs | contains($x);
        def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
        def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
        def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
        def first(f): label $__first | (f | ., break $__first);
        def first: .[0];
        def last: .[-1];
        def nth($n): .[$n];
        def nth($n; f): if $n < 0 then error("nth doesn't support negative indices") else label $__nth | foreach f as $item ($n + 1; . - 1; if . <= 0 then $item, break $__nth else empty end) end;
        def until(cond; update): def _until: if cond then . else (update | _until) end; _until;
        def while(cond; update): def _while: if cond then ., (update | _while) else empty end; _while;
        def repeat(f): def _repeat: f, _repeat; _repeat;
        def todate: strftime("%Y-%m-%dT%H:%M:%SZ");
        def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
        def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
        def fromdate: fromdateiso8601;
        def match(re; mode): _match_impl(re; mode; false) | .[];
        def match($val): ($val|type) as $vt | if $vt == "string" then match($val; null)
            elif $vt == "array" and ($val | length) > 1 then match($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then match($val[0]; null)
            else error($vt + " not a string or array") end;
        def test(re; mode): _match_impl(re; mode; true);
        def test($val): ($val|type) as $vt | if $vt == "string" then test($val; null)
            elif $vt == "array" and ($val | length) > 1 then test($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then test($val[0]; null)
            else error($vt + " not a string or array") end;
        def capture(re; mods): match(re; mods) | reduce (.captures | .[] | select(.name != null) | {key: .name, value: .string}) as $pair ({}; . + {($pair.key): $pair.value});
        def capture($val): ($val|type) as $vt | if $vt == "string" then capture($val; null)
            elif $vt == "array" and ($val | length) > 1 then capture($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then capture($val[0]; null)
            else error($vt + " not a string or array") end;
        def scan($re; $flags): match($re; "g" + $flags) | if (.captures | length > 0) then [.captures | .[] | .string] else .string end;
        def scan($re): scan($re; null);
        def split($re; flags): . as $s | [match($re; "g" + flags) | (.offset, .offset + .length)] as $ms
            | [[0] + $ms + [$s | length] | _nwise(2) | $s[.[0]:.[1]]];
        def _nwise($n): def n: if length <= $n then . else .[0:$n], (.[$n:] | n) end; n;
        def _nwise(a; $n): a | _nwise($n);
        def splits($re; flags): split($re; flags) | .[];
        def splits($re): splits($re; null);
        def sub($re; str; $flags): . as $in
            | [match($re; $flags)]
            | if length == 0 then $in else
              reduce .[] as $edit ({result: [], previous: 0};
                $in[.previous: ($edit | .offset)] as $gap
                | [reduce ($edit | .captures | .[] | select(.name != null) | {key: .name, value: .string}) as $pair ({}; . + {($pair.key): $pair.value}) | str] as $inserts
                | reduce range(0; $inserts | length) as $ix (.; .result[$ix] += $gap + $inserts[$ix])
                | .previous = ($edit | .offset + .length))
              | .result[] + $in[.previous:] end;
        def sub($re; str): sub($re; str; "");
        def gsub($re; str; $flags): sub($re; str; $flags + "g");
        def gsub($re; str): sub($re; str; "g");
        def tostream: path(def r: (.[]?|r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p + $q]);
        def fromstream(f): { x: null, e: false } as $init
            | foreach f as $i ($init;
                if .e then $init else . end
                | if $i | length == 2
                  then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1])
                  else setpath(["e"]; $i[0] | length == 1) end;
                if .e then .x else empty end);
        def truncate_stream(stream): . as $n | null | stream | . as $input | if (.[0] | length) > $n then setpath([0]; .[0][$n:]) else empty end;
        def limit($n; f): _limit($n; f);
        def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
        def INDEX(idx_expr): INDEX(.[]; idx_expr);
        def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
        def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
        def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
        def bsearch($target):
            if length == 0 then -1
            elif length == 1 then (if $target == .[0] then 0 elif $target < .[0] then -1 else -2 end)
            else . as $in
              | [0, length - 1, null]
              | until(.[0] > .[1];
                  if .[2] != null then (.[1] = -1)
                  else ((((.[1] + .[0]) / 2) | floor) as $mid
                    | $in[$mid] as $monkey
                    | if ($monkey == $target) then (.[2] = $mid)
                      elif (.[0] == .[1]) then (.[1] = -1)
                      elif ($monkey < $target) then (.[0] = ($mid + 1))
                      else (.[1] = ($mid - 1)) end)
                  end)
              | if .[2] == null then (if ($in[.[0]] < $target) then (-2 - .[0]) else (-1 - .[0]) end)
                else .[2] end
            end;
        def IN(s): any(s == .; .);
        def IN(src; s): any(src == s; .);
        def pick(pathexps): . as $top | reduce path(pathexps) as $p (null; setpath($p; $top | getpath($p)));
        def debug(msg): (msg | debug | empty), .;
        def env: $ENV;
        def halt_error: halt_error(5);
        def error(msg): msg | error;
        def join($x): reduce .[] as $i (null; (if . == null then "" else . + $x end) + ($i | if . == null then "" elif type == "boolean" or type == "number" then tojson else . end)) // "";
        def reverse: [.[length - 1 - range(0; length)]];
        def _flatten($x): reduce .[] as $i ([]; if $i | type == "array" and $x != 0 then . + ($i | _flatten($x - 1)) else . + [$i] end);
        def flatten: _flatten(-1);
        def indices($i): if type == "array" and ($i | type) == "array" then .[$i]
            elif type == "array" then .[[$i]]
            elif type == "string" and ($i | type) == "string" then _strindices($i)
            else .[$i] end;
        def index($i): indices($i) | .[0];
        def rindex($i): indices($i) | .[-1:][0];
        def flatten($x): if $x < 0 then error("flatten depth must not be negative") else _flatten($x) end;
        def abs: if . < 0 then - . else . end;
        def get_search_list: ["~/.jq", "$ORIGIN/../lib/jq", "$ORIGIN/../lib"];
        def input_line_number: _input_line_number;
        def min_by(f): _min_by_impl(map([f]));
        def max_by(f): _max_by_impl(map([f]));
        def group_by(f): _group_by_impl(map([f]));
        def unique: group_by(.) | map(.[0]);
        def unique_by(f): [group_by(f)[] | .[0]];
        def sort_by(f): _sort_by_impl(map([f]));
        def transpose: [range(0; map(length) | max // 0) as $i | [.[][$i]]];
        """;
}
