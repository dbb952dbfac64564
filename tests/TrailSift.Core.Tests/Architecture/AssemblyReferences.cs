using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TrailSift.Core.Tests.Architecture;

/// <summary>
/// Reads a compiled assembly with System.Reflection.Metadata and lists, for each namespace of its own types, the
/// namespaces of its own types it uses: in base types, interfaces, field, method and property signatures, custom
/// attributes, and every type, method and field token in method bodies (so a reference through a <c>global using</c>,
/// a fully qualified member access or a lambda counts as well).
/// </summary>
internal static class AssemblyReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>(from namespace, to namespace, where) for every use of one of the assembly's own types.</summary>
    public static List<(string From, string To, string Where)> Read(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        MetadataReader md = pe.GetMetadataReader();
        var found = new List<(string, string, string)>();
        var provider = new NamespaceProvider(md);
        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string from = NamespaceOf(md, th);
            string name = md.GetString(type.Name);
            void Add(IEnumerable<string> targets, string where)
            {
                foreach (string t in targets)
                {
                    if (t.Length > 0)
                    {
                        found.Add((from, t, $"{from}.{name} {where}"));
                    }
                }
            }

            if (!type.BaseType.IsNil)
            {
                Add(provider.OfToken(type.BaseType), "base type");
            }

            foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
            {
                Add(provider.OfToken(md.GetInterfaceImplementation(ih).Interface), "interface");
            }

            foreach (CustomAttributeHandle ah in type.GetCustomAttributes())
            {
                Add(provider.OfToken(md.GetCustomAttribute(ah).Constructor), "attribute");
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                Add(md.GetFieldDefinition(fh).DecodeSignature(provider, null), "field");
            }

            foreach (PropertyDefinitionHandle ph in type.GetProperties())
            {
                MethodSignature<IEnumerable<string>> sig = md.GetPropertyDefinition(ph).DecodeSignature(provider, null);
                Add(sig.ReturnType.Concat(sig.ParameterTypes.SelectMany(static p => p)), "property");
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                string where = "method " + md.GetString(method.Name);
                MethodSignature<IEnumerable<string>> sig = method.DecodeSignature(provider, null);
                Add(sig.ReturnType.Concat(sig.ParameterTypes.SelectMany(static p => p)), where);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    ImmutableArray<IEnumerable<string>> locals = md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                    Add(locals.SelectMany(static l => l), where + " (locals)");
                }

                foreach (EntityHandle token in Tokens(body.GetILBytes() ?? []))
                {
                    Add(provider.OfToken(token), where);
                }
            }
        }

        return found;
    }

    /// <summary>The namespace of a type definition (nested types: their outermost declaring type's).</summary>
    public static string NamespaceOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = md.GetTypeDefinition(type.GetDeclaringType());
        }

        return md.GetString(type.Namespace);
    }

    // The metadata tokens among a method body's operands (type, method, field and signature tokens).
    private static IEnumerable<EntityHandle> Tokens(byte[] il)
    {
        var tokens = new List<EntityHandle>();
        int i = 0;
        while (i < il.Length)
        {
            short code = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            OperandType operand = Operands[code];
            switch (operand)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    tokens.Add(MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i)));
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    i += 4;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
            }
        }

        return tokens;
    }

    /// <summary>Decodes signatures into the namespaces of the assembly's own types they mention.</summary>
    private sealed class NamespaceProvider(MetadataReader md) : ISignatureTypeProvider<IEnumerable<string>, object?>
    {
        public IEnumerable<string> OfToken(EntityHandle token)
        {
            switch (token.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [NamespaceOf(md, (TypeDefinitionHandle)token)];
                case HandleKind.TypeSpecification:
                    return md.GetTypeSpecification((TypeSpecificationHandle)token).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    return [NamespaceOf(md, md.GetMethodDefinition((MethodDefinitionHandle)token).GetDeclaringType())];
                case HandleKind.FieldDefinition:
                    return [NamespaceOf(md, md.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType())];
                case HandleKind.MethodSpecification:
                    MethodSpecification spec = md.GetMethodSpecification((MethodSpecificationHandle)token);
                    return OfToken(spec.Method).Concat(spec.DecodeSignature(this, null).SelectMany(static a => a));
                case HandleKind.MemberReference:
                    MemberReference member = md.GetMemberReference((MemberReferenceHandle)token);
                    IEnumerable<string> parent = member.Parent.Kind is HandleKind.TypeReference or HandleKind.ModuleReference ? [] : OfToken(member.Parent);
                    IEnumerable<string> signature = member.GetKind() == MemberReferenceKind.Method
                        ? Flatten(member.DecodeMethodSignature(this, null))
                        : member.DecodeFieldSignature(this, null);
                    return parent.Concat(signature);
                default:
                    return [];
            }
        }

        private static IEnumerable<string> Flatten(MethodSignature<IEnumerable<string>> sig) => sig.ReturnType.Concat(sig.ParameterTypes.SelectMany(static p => p));

        public IEnumerable<string> GetArrayType(IEnumerable<string> elementType, ArrayShape shape) => elementType;

        public IEnumerable<string> GetByReferenceType(IEnumerable<string> elementType) => elementType;

        public IEnumerable<string> GetFunctionPointerType(MethodSignature<IEnumerable<string>> signature) => Flatten(signature);

        public IEnumerable<string> GetGenericInstantiation(IEnumerable<string> genericType, ImmutableArray<IEnumerable<string>> typeArguments) =>
            genericType.Concat(typeArguments.SelectMany(static a => a));

        public IEnumerable<string> GetGenericMethodParameter(object? genericContext, int index) => [];

        public IEnumerable<string> GetGenericTypeParameter(object? genericContext, int index) => [];

        public IEnumerable<string> GetModifiedType(IEnumerable<string> modifier, IEnumerable<string> unmodifiedType, bool isRequired) => unmodifiedType;

        public IEnumerable<string> GetPinnedType(IEnumerable<string> elementType) => elementType;

        public IEnumerable<string> GetPointerType(IEnumerable<string> elementType) => elementType;

        public IEnumerable<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

        public IEnumerable<string> GetSZArrayType(IEnumerable<string> elementType) => elementType;

        public IEnumerable<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [NamespaceOf(reader, handle)];

        public IEnumerable<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

        public IEnumerable<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
