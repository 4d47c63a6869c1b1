namespace Clv.Models.Kernels;

/// <summary>Which lane width the likelihood kernels use.</summary>
public enum VectorWidth
{
    /// <summary>The widest width this machine accelerates: 512 bits with AVX-512, else 256 with AVX2, else scalar.</summary>
    Auto = 0,

    /// <summary>Eight doubles per instruction (AVX-512); falls back to <see cref="Auto"/> where not accelerated.</summary>
    Vector512 = 512,

    /// <summary>Four doubles per instruction (AVX2); falls back to scalar where not accelerated.</summary>
    Vector256 = 256,

    /// <summary>One double at a time: the reference path.</summary>
    Scalar = 64,
}

/// <summary>Resolves <see cref="VectorWidth"/> against the hardware.</summary>
internal static class VectorWidths
{
    /// <summary>The width that will actually run for a requested one.</summary>
    public static VectorWidth Resolve(VectorWidth requested) => requested switch
    {
        VectorWidth.Scalar => VectorWidth.Scalar,
        VectorWidth.Vector256 => V256.IsHardwareAccelerated ? VectorWidth.Vector256 : VectorWidth.Scalar,
        _ => V512.IsHardwareAccelerated ? VectorWidth.Vector512 : V256.IsHardwareAccelerated ? VectorWidth.Vector256 : VectorWidth.Scalar,
    };
}
