namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>User agents seen on real trails, by kind of client.</summary>
/// <remarks>Frozen data; thread-safe.</remarks>
public static class UserAgents
{
    /// <summary>AWS CLI versions.</summary>
    public static readonly string[] Cli =
    [
        "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off",
        "aws-cli/2.15.58 md/awscrt#0.19.19 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off",
        "APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.54.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.27.2 ua/2.0 os/linux lang/go#1.22.4 md/GOOS#linux md/GOARCH#amd64",
    ];

    /// <summary>SDKs used by workloads.</summary>
    public static readonly string[] Sdk =
    [
        "Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux#5.10.219-229.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.131",
        "aws-sdk-java/2.25.60 Linux/5.10.218-208.862.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
        "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0",
        "aws-sdk-js/3.598.0 ua/2.1 os/linux#5.10.217-226.860.amzn2.x86_64 lang/js md/nodejs#20.14.0 exec-env/AWS_ECS_FARGATE api/s3#3.598.0",
        "[aws-sdk-dotnet-coreclr/3.7.300.91 ua/2.0 os/linux#5.10.219 md/aws-sdk-dotnet-core#3.7.304.2 lang/.NET_Core#8.0.6 md/ClientSync]",
    ];
}
