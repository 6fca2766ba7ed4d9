using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// One pii-audit control bound to one compilation: what is PII, which calls are audit calls and which
/// audit fields a call carries. Built once in compilation start; every per-symbol answer is cached.
/// </summary>
internal sealed class PiiAuditPolicy
{
    /// <summary>Any default ILogger extension method stands for "ILogger logging is the audit log".</summary>
    private const string LoggerExtensionProbe = "Microsoft.Extensions.Logging.LoggerExtensions.LogInformation";

    private readonly LoggingSymbols _logging;
    private readonly LoggerWrappers _wrappers;
    private readonly ImmutableArray<SymbolGlob> _auditGlobs;
    private readonly bool[]? _auditFirstChars;
    private readonly ConcurrentDictionary<INamedTypeSymbol, string> _fullNames = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _auditMethods = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IInvocationOperation, List<string>> _missingFields = new();
    private readonly ConditionalWeakTable<IInvocationOperation, List<string>>.CreateValueCallback _computeMissingFields;

    private PiiAuditPolicy(ControlModel control, Compilation compilation, LoggingSymbols logging, IdentitySources identity, LoggerWrappers wrappers)
    {
        Control = control;
        _logging = logging;
        _wrappers = wrappers;
        _computeMissingFields = MissingFields;
        var parameters = control.PiiAudit;
        Classifier = new PiiClassifier(compilation, parameters, identity);
        Fields = new AuditFieldMatcher(parameters.AuditFields);
        AuditGlobs = parameters.AuditMethods;
        _auditGlobs = SymbolGlob.Create(AuditGlobs);
        _auditFirstChars = FirstChars(AuditGlobs);
        foreach (var glob in AuditGlobs)
        {
            AcceptsLogger |= glob.IsMatch(LoggerExtensionProbe);
        }
    }

    public ControlModel Control { get; }

    public PiiClassifier Classifier { get; }

    public AuditFieldMatcher Fields { get; }

    public ImmutableArray<GlobPattern> AuditGlobs { get; }

    /// <summary>
    /// True when the control accepts ILogger logging as audit logging (its audit_methods match the ILogger
    /// extension methods); then <c>ILogger.Log</c>, <c>[LoggerMessage]</c> methods and the team's own logging
    /// wrappers (<see cref="LoggerWrappers"/>) are audit calls too.
    /// </summary>
    public bool AcceptsLogger { get; }

    public static ImmutableArray<PiiAuditPolicy> Create(ImmutableArray<ControlModel> controls, Compilation compilation, LoggingSymbols logging, IdentitySources identity, LoggerWrappers wrappers)
    {
        var builder = ImmutableArray.CreateBuilder<PiiAuditPolicy>(controls.Length);
        foreach (var control in controls)
        {
            builder.Add(new PiiAuditPolicy(control, compilation, logging, identity, wrappers));
        }

        return builder.MoveToImmutable();
    }

    public bool IsAuditMethod(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return _auditMethods.TryGetValue(method, out var known) ? known : _auditMethods.GetOrAdd(method, ComputeAuditMethod(method));
    }

    /// <summary>
    /// True when no audit call of the control can have a method named <paramref name="name"/>: a check on the name
    /// alone, before any symbol is looked at. Only meaningful when <see cref="AcceptsLogger"/> is false or the
    /// compilation has no ILogger.
    /// </summary>
    public bool CannotBeAuditMethodNamed(string name)
    {
        if (name.Length > 0 && name[0] < 128 && _auditFirstChars is { } firstChars && !firstChars[char.ToLowerInvariant(name[0])])
        {
            return true;
        }

        foreach (var glob in _auditGlobs)
        {
            if (glob.MayMatchMember(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first letters, lower-case, that the audit globs' method names can start with; null when a glob's can start with anything.</summary>
    private static bool[]? FirstChars(ImmutableArray<GlobPattern> globs)
    {
        var table = new bool[128];
        foreach (var glob in globs)
        {
            var text = glob.Text;
            var segment = text.Substring(text.LastIndexOf('.') + 1);
            if (segment.Length == 0 || segment[0] is '*' or '?' || segment[0] >= 128)
            {
                return null;
            }

            table[char.ToLowerInvariant(segment[0])] = true;
        }

        return table;
    }

    /// <summary>
    /// An identity server's event service (<c>IEventService.RaiseAsync</c> of Duende IdentityServer and
    /// IdentityServer4): the server records the subject, the client, the remote IP address and the event's name
    /// with every event, so the call carries every audit field whatever its arguments are named.
    /// </summary>
    public static bool IsIdentityServerEvent(IMethodSymbol method)
    {
        if (method.Name != "RaiseAsync" || method.ContainingType is not { } type)
        {
            return false;
        }

        if (IsEventServiceInterface(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (IsEventServiceInterface(@interface))
            {
                return true;
            }
        }

        return false;

        static bool IsEventServiceInterface(INamedTypeSymbol type) =>
            type.Name == "IEventService"
            && type.ContainingNamespace is { Name: "Services" } services
            && services.ContainingNamespace is { } product
            && ((product.Name == "IdentityServer4" && product.ContainingNamespace.IsGlobalNamespace)
                || (product.Name == "IdentityServer" && product.ContainingNamespace is { Name: "Duende", ContainingNamespace.IsGlobalNamespace: true }));
    }

    /// <summary><see cref="MissingFields"/>, computed once per audit call however many reads it covers.</summary>
    public List<string> MissingFieldsOf(IInvocationOperation call) => _missingFields.GetValue(call, _computeMissingFields);

    /// <summary>
    /// The configured audit fields that <paramref name="call"/> does not carry, in configuration order. A field is carried
    /// by a parameter or placeholder of its name that gets a value: null, default and "" carry nothing, and a constant
    /// carries only the action (<see cref="AuditFieldValues"/>).
    /// </summary>
    private List<string> MissingFields(IInvocationOperation call)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var constants = new HashSet<string>(System.StringComparer.Ordinal);
        var method = call.TargetMethod;
        IArgumentOperation? paramsArgument = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.IsParams)
            {
                paramsArgument = argument;
            }

            Add(names, constants, parameter.Name, AuditFieldValues.Of(argument));

            // A team audit API often takes one event object: its property names are the fields.
            if (parameter.Type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct } eventType
                && eventType.Locations.Length > 0 && eventType.Locations[0].IsInSource)
            {
                AddEventProperties(names, constants, eventType, argument);
            }
        }

        if (_logging.LoggerMessage(method) is { } loggerMessage)
        {
            // Placeholders bind to parameters of the same name, whose values were classified above.
            var parameterNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                parameterNames.Add(AuditFieldMatcher.Normalize(parameter.Name));
            }

            if (LoggerMessageTemplate(loggerMessage) is { } message)
            {
                foreach (var placeholder in MessageTemplate.Parse(message))
                {
                    var name = AuditFieldMatcher.Normalize(placeholder.Name);
                    if (!parameterNames.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        foreach (var argument in call.Arguments)
        {
            var value = argument.Value;
            if (value.ConstantValue is { HasValue: true, Value: string template })
            {
                AddTemplate(names, constants, template, argument == paramsArgument ? null : paramsArgument);
            }
            else if (value is IInterpolatedStringOperation interpolated)
            {
                // logger.LogInformation($"user={userId} action={action} ip={ip}"): the holes name the fields.
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && HoleName(hole.Expression) is { } name)
                    {
                        names.Add(AuditFieldMatcher.Normalize(name));
                    }
                }
            }
        }

        return Fields.Missing(names, constants);
    }

    private static void Add(HashSet<string> names, HashSet<string> constants, string name, AuditFieldValue value)
    {
        switch (value)
        {
            case AuditFieldValue.Runtime:
                names.Add(AuditFieldMatcher.Normalize(name));
                break;
            case AuditFieldValue.Constant:
                constants.Add(AuditFieldMatcher.Normalize(name));
                break;
        }
    }

    /// <summary>
    /// The properties of an audit event: set in the object initializer, each by its value; otherwise taken as carried
    /// (a constructor or the caller may set them), unless the event is built with neither arguments nor those properties.
    /// </summary>
    private static void AddEventProperties(HashSet<string> names, HashSet<string> constants, INamedTypeSymbol eventType, IArgumentOperation argument)
    {
        var creation = Unconverted(argument.Value) as IObjectCreationOperation;
        foreach (var member in eventType.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false } property)
            {
                continue;
            }

            var value = creation is null || creation.Arguments.Length > 0 ? AuditFieldValue.Runtime : AuditFieldValue.Empty;
            if (creation?.Initializer is { } initializer)
            {
                foreach (var initialization in initializer.Initializers)
                {
                    if (initialization is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Property, property))
                    {
                        value = AuditFieldValues.Classify(assignment.Value);
                    }
                }
            }

            Add(names, constants, property.Name, value);
        }
    }

    private static IOperation Unconverted(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    /// <summary>The message of a <c>[LoggerMessage(…)]</c>, positional or named.</summary>
    public static string? LoggerMessageTemplate(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Message" && named.Value.Value is string message)
            {
                return message;
            }
        }

        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string message)
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>
    /// The placeholders of a message template. With a params argument (<c>LogInformation(template, args)</c>) each
    /// placeholder takes the argument at its position, and carries a field only if that value does.
    /// </summary>
    private static void AddTemplate(HashSet<string> names, HashSet<string> constants, string template, IArgumentOperation? paramsArgument)
    {
        var values = paramsArgument?.Value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : default(ImmutableArray<IOperation>?);
        var index = 0;
        foreach (var placeholder in MessageTemplate.Parse(template))
        {
            var value = values is not { } elements ? AuditFieldValue.Runtime
                : index < elements.Length ? AuditFieldValues.Classify(elements[index])
                : AuditFieldValue.Empty;
            Add(names, constants, placeholder.Name, value);
            index++;
        }
    }

    private static string? HoleName(IOperation expression)
    {
        while (expression is IConversionOperation conversion)
        {
            expression = conversion.Operand;
        }

        return expression switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
    }

    private bool ComputeAuditMethod(IMethodSymbol method)
    {
        if (AcceptsLogger
            && (_logging.IsILoggerLog(method) || _logging.LoggerMessage(method) is not null || _wrappers.LoggedParameters(method) != LoggerWrappers.None))
        {
            return true;
        }

        if (MatchesGlob(method))
        {
            return true;
        }

        // A call through an implementation or override of the configured interface or base method is an audit call too.
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (MatchesGlob(overridden))
            {
                return true;
            }
        }

        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            if (MatchesGlob(explicitImplementation))
            {
                return true;
            }
        }

        if (method.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct } type && !method.IsStatic && !CannotBeAuditMethodNamed(method.Name))
        {
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(method.Name))
                {
                    if (candidate is IMethodSymbol interfaceMethod
                        && MatchesGlob(interfaceMethod)
                        && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool MatchesGlob(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var glob in _auditGlobs)
        {
            if (glob.IsMatch(type, method.Name, _fullNames))
            {
                return true;
            }
        }

        return false;
    }
}
